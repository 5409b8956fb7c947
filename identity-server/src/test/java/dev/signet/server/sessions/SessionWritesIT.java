package dev.signet.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.testing.RedisServerIntegrationTest;
import dev.signet.server.testing.SecretClient;
import dev.signet.server.testing.ServiceSignIn;
import dev.signet.server.testing.TestBrowser;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import tools.jackson.databind.JsonNode;

/**
 * What a request writes to a session in Redis: nothing when it changes nothing but the last access and the stored
 * last access is recent; the last access once the stored one is older than the write interval; and the rest of the
 * session's behaviour unchanged (idle timeout, a new id at sign-in, deletion at sign-out, the expirations bookkeeping).
 */
class SessionWritesIT extends RedisServerIntegrationTest {

    private static final String PASSWORD = "session writes password";
    private static final String SESSIONS = "signet:session:sessions:";
    private static final String EXPIRATIONS = "signet:session:expirations:";
    /** The commands a session save sends (the hash, its keys' expiry, the bookkeeping, the index, a new id). */
    private static final List<String> WRITES = List.of("hmset", "append", "pexpire", "sadd", "rename", "publish");

    @Autowired
    RedisClusterCommands<String, String> redis;
    @Autowired
    RedisIndexedSessionRepository sessions;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordHasher hasher;
    @Value("${server.servlet.session.timeout:30m}")
    Duration idleTimeout;

    @Test
    void aPageRequestThatChangesNothingWritesNothingWhileTheStoredLastAccessIsRecent() throws Exception {
        TestBrowser browser = signedIn(newAccount());
        String id = sessionId(browser);
        Instant stored = storedLastAccess(id);
        long shadowTtl = redis.pttl(SESSIONS + "expires:" + id);
        Map<String, Long> writesBefore = writeCommands();

        TestBrowser.Page page = browser.get("/account");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Where you are signed in");
        assertThat(writeCommands()).as("Redis commands that write").isEqualTo(writesBefore);
        assertThat(storedLastAccess(id)).isEqualTo(stored);
        assertThat(redis.pttl(SESSIONS + "expires:" + id)).as("the shadow key's expiry is not renewed")
                .isPositive().isLessThanOrEqualTo(shadowTtl);
    }

    @Test
    void aPageRequestWritesItsLastAccessOnceTheStoredOneIsOlderThanTheWriteInterval() throws Exception {
        TestBrowser browser = signedIn(newAccount());
        String id = sessionId(browser);
        storeLastAccess(id, Instant.now().minus(Duration.ofMinutes(2)));
        Instant beforeRequest = Instant.now().minusMillis(1);

        assertThat(browser.get("/account").status()).isEqualTo(200);

        assertThat(storedLastAccess(id)).isAfter(beforeRequest);
        assertThat(redis.pttl(SESSIONS + "expires:" + id)).as("the shadow key's expiry is renewed")
                .isGreaterThan(idleTimeout.minus(Duration.ofMinutes(1)).toMillis());
    }

    @Test
    void aSessionIdleForTheIdleTimeoutIsEnded() throws Exception {
        TestBrowser browser = signedIn(newAccount());
        storeLastAccess(sessionId(browser), Instant.now().minus(idleTimeout).minusSeconds(1));

        assertThat(browser.get("/account").location()).endsWith("/sign-in");
    }

    @Test
    void theSessionThatAuthorizesIsTheOneNamedInTheIdTokenWhateverTheCitizensOtherSessionsDidJustBefore()
            throws Exception {
        String email = newAccount();
        TestBrowser laptop = signedIn(email);
        TestBrowser phone = signedIn(email);
        // The phone is the most recently active; the laptop's page views wrote nothing since its sign-in.
        assertThat(phone.get("/account").status()).isEqualTo(200);
        assertThat(laptop.get("/account").status()).isEqualTo(200);

        String code = SecretClient.code(laptop.get(ServiceSignIn.authorizePath()));
        JsonNode tokens = SecretClient.exchange(baseUrl(), code);

        assertThat(SecretClient.idToken(tokens).getStringClaim("sid")).isEqualTo(SessionIds.sid(sessionId(laptop)));
    }

    @Test
    void signingInGivesTheSessionANewIdAndLeavesNothingUnderTheOldOne() throws Exception {
        String email = newAccount();
        TestBrowser browser = new TestBrowser(baseUrl());
        TestBrowser.Page emailPage = browser.get("/sign-in");
        String before = sessionId(browser);
        assertThat(redis.exists(SESSIONS + before)).isEqualTo(1L);
        TestBrowser.Page toPassword = browser.submit(emailPage, "/sign-in", Map.of("email", email));
        TestBrowser.Page signedIn = browser.submit(browser.follow(toPassword), "/sign-in/password",
                Map.of("password", PASSWORD));
        assertThat(signedIn.location()).endsWith("/account");

        String after = sessionId(browser);
        assertThat(after).isNotEqualTo(before);
        assertThat(redis.exists(SESSIONS + before, SESSIONS + "expires:" + before)).isZero();
        assertThat(redis.exists(SESSIONS + after, SESSIONS + "expires:" + after)).isEqualTo(2L);
        assertThat(sessions.findByPrincipalName(accountId(email).toString())).containsOnlyKeys(after);
        assertThat(expirationSetsHolding(before)).as("the old id's expiry bookkeeping").isEmpty();
        assertThat(expirationSetsHolding(after)).as("the new id's expiry bookkeeping").hasSize(1);
    }

    @Test
    void signingOutDeletesTheSessionAtOnce() throws Exception {
        String email = newAccount();
        TestBrowser browser = signedIn(email);
        String id = sessionId(browser);
        String cookie = browser.cookie("signet-session").orElseThrow();

        TestBrowser.Page signedOut = browser.submit(browser.get("/sign-out"), "/sign-out", Map.of());

        assertThat(signedOut.location()).endsWith("/signed-out");
        // Spring Session keeps the hash a few minutes, with no idle lifetime, for its deletion event to read.
        assertThat(redis.exists(SESSIONS + "expires:" + id)).isZero();
        assertThat(sessions.findById(id)).isNull();
        assertThat(sessions.findByPrincipalName(accountId(email).toString())).isEmpty();
        browser.addCookie("signet-session", cookie); // the ended session's cookie, presented again
        assertThat(browser.get("/account").location()).endsWith("/sign-in");
    }

    private TestBrowser signedIn(String email) throws Exception {
        TestBrowser browser = new TestBrowser(baseUrl());
        assertThat(browser.signIn(email, PASSWORD).location()).endsWith("/account");
        // The first signed-in request notes the device: a change, written.
        assertThat(browser.get("/account").status()).isEqualTo(200);
        return browser;
    }

    private String newAccount() {
        Instant now = Instant.now();
        String email = "writes-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        accounts.create(new Account(UUID.randomUUID(), email, true, Optional.of(hasher.hash(PASSWORD)),
                AccountStatus.ACTIVE, now, now));
        return email;
    }

    private UUID accountId(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    private static String sessionId(TestBrowser browser) {
        return new String(Base64.getDecoder().decode(browser.cookie("signet-session").orElseThrow()),
                StandardCharsets.UTF_8);
    }

    private RedisOperations<String, Object> sessionOperations() {
        return sessions.getSessionRedisOperations();
    }

    private Instant storedLastAccess(String id) {
        Object millis = sessionOperations().opsForHash().get(SESSIONS + id, "lastAccessedTime");
        return Instant.ofEpochMilli(((Number) millis).longValue());
    }

    /** As if the session's last write had been at {@code when}. */
    private void storeLastAccess(String id, Instant when) {
        sessionOperations().opsForHash().put(SESSIONS + id, "lastAccessedTime", when.toEpochMilli());
    }

    private List<String> expirationSetsHolding(String id) {
        ScanIterator<String> keys = ScanIterator.scan(redis, ScanArgs.Builder.matches(EXPIRATIONS + "*").limit(500));
        return keys.stream().filter(key -> redis.smembers(key).stream().anyMatch(member -> member.endsWith(id)))
                .toList();
    }

    /** Calls so far of each command that writes, from INFO commandstats. */
    private Map<String, Long> writeCommands() {
        return Stream.of(redis.info("commandstats").split("\r?\n"))
                .filter(line -> line.startsWith("cmdstat_"))
                .map(line -> line.substring("cmdstat_".length()).split(":calls=|,", 3))
                .filter(fields -> WRITES.contains(fields[0]))
                .collect(Collectors.toMap(fields -> fields[0], fields -> Long.parseLong(fields[1])));
    }
}
