package dev.signet.server.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.code.redis.RedisOneTimeCodeStore;
import dev.signet.server.testing.RedisServerIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CredentialsRedisIT extends RedisServerIntegrationTest {

    @Autowired
    OneTimeCodeStore codes;

    @Test
    void withRedisCodesAreSharedThroughRedis() {
        assertThat(codes).isInstanceOf(RedisOneTimeCodeStore.class);
        String subject = UUID.randomUUID() + "@example.gov.uk";
        String code = codes.issue(CodePurpose.RESET_PASSWORD, subject, Duration.ofMinutes(15));

        assertThat(codes.check(CodePurpose.RESET_PASSWORD, subject, "not it")).isEqualTo(new CodeCheck.Wrong(4));
        assertThat(codes.check(CodePurpose.RESET_PASSWORD, subject, code)).isInstanceOf(CodeCheck.Valid.class);
    }
}
