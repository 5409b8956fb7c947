package dev.signet.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordTest {

    @Test
    void toStringNeverShowsThePassword() {
        Password password = Password.of("correct horse");
        assertThat(password.toString()).isEqualTo("Password[redacted]").doesNotContain("horse");
        assertThat(String.valueOf(new Authenticated(LegacyIdentity.of("c", "s")))).doesNotContain("horse");
    }

    @Test
    void utf8EncodesEveryCharacter() {
        assertThat(Password.of("p\u00e4ss\uD83D\uDD11").utf8()).isEqualTo("p\u00e4ss\uD83D\uDD11".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ofCopiesTheCallersArray() {
        char[] typed = {'a', 'b'};
        Password password = Password.of(typed);
        typed[0] = 'z';
        assertThat(password.characters()).containsExactly('a', 'b');
    }

    @Test
    void closeWipesAndRefusesFurtherReads() {
        Password password = Password.of("secret");
        password.close();
        assertThatThrownBy(password::utf8).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(password::characters).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyPasswordIsEmpty() {
        assertThat(Password.of("").isEmpty()).isTrue();
        assertThat(Password.of(" ").isEmpty()).isFalse();
    }
}
