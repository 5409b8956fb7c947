package dev.signet.core.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.code.CodeCheck.ExpiredOrUnknown;
import dev.signet.core.code.CodeCheck.TooManyAttempts;
import dev.signet.core.code.CodeCheck.Valid;
import dev.signet.core.code.CodeCheck.Wrong;
import dev.signet.core.replay.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OneTimeCodeStore} adapter must have. Adapters allow {@link #MAX_ATTEMPTS} attempts and
 * judge expiry by {@link #clock()} (or by a server-side TTL, with {@link #waitUntilExpired}).
 */
public abstract class OneTimeCodeStoreContract {

    protected static final int MAX_ATTEMPTS = 5;
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    protected abstract OneTimeCodeStore store();

    protected abstract MutableClock clock();

    /** Moves past expiry; adapters with a server-side TTL also let real time pass. */
    protected void waitUntilExpired(Duration duration) throws InterruptedException {
        clock().advance(duration);
    }

    protected static String subject() {
        return UUID.randomUUID() + "@example.gov.uk";
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void issuedCodeIsSixDigitsAndValidExactlyOnce() {
        String subject = subject();
        String code = store().issue(CodePurpose.VERIFY_EMAIL, subject, TEN_MINUTES);

        assertThat(code).matches("[0-9]{6}");
        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, code)).isInstanceOf(Valid.class);
        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, code)).isInstanceOf(ExpiredOrUnknown.class);
    }

    @Test
    void codesAreRandom() {
        String subject = subject();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(store().issue(CodePurpose.VERIFY_EMAIL, subject, TEN_MINUTES));
        }
        assertThat(codes.stream().distinct().count()).isGreaterThan(15);
    }

    @Test
    void codeTypedWithSpacesOrHyphenIsAccepted() {
        String subject = subject();
        String code = store().issue(CodePurpose.VERIFY_EMAIL, subject, TEN_MINUTES);

        String typed = " " + code.substring(0, 3) + "-" + code.substring(3) + " ";
        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, typed)).isInstanceOf(Valid.class);
    }

    @Test
    void wrongCodesCountDownThenWithdrawTheCode() {
        String subject = subject();
        String code = store().issue(CodePurpose.RESET_PASSWORD, subject, TEN_MINUTES);

        for (int left = MAX_ATTEMPTS - 1; left >= 1; left--) {
            assertThat(store().check(CodePurpose.RESET_PASSWORD, subject, wrong(code))).isEqualTo(new Wrong(left));
        }
        assertThat(store().check(CodePurpose.RESET_PASSWORD, subject, "not a code"))
                .isInstanceOf(TooManyAttempts.class);
        assertThat(store().check(CodePurpose.RESET_PASSWORD, subject, code)).isNotInstanceOf(Valid.class);
    }

    @Test
    void rightCodeAfterSomeWrongOnesIsValid() {
        String subject = subject();
        String code = store().issue(CodePurpose.VERIFY_EMAIL, subject, TEN_MINUTES);

        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, wrong(code))).isEqualTo(new Wrong(4));
        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, code)).isInstanceOf(Valid.class);
    }

    @Test
    void newCodeReplacesTheEarlierOneAndResetsAttempts() {
        String subject = subject();
        String first = store().issue(CodePurpose.VERIFY_EMAIL, subject, TEN_MINUTES);
        store().check(CodePurpose.VERIFY_EMAIL, subject, wrong(first));
        String second = store().issue(CodePurpose.VERIFY_EMAIL, subject, TEN_MINUTES);

        if (!first.equals(second)) {
            assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, first)).isEqualTo(new Wrong(4));
        }
        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, second)).isInstanceOf(Valid.class);
    }

    @Test
    void codeForOnePurposeOrSubjectNeverSatisfiesAnother() {
        String subject = subject();
        String other = subject();
        String code = store().issue(CodePurpose.VERIFY_EMAIL, subject, TEN_MINUTES);

        assertThat(store().check(CodePurpose.RESET_PASSWORD, subject, code)).isInstanceOf(ExpiredOrUnknown.class);
        assertThat(store().check(CodePurpose.VERIFY_EMAIL, other, code)).isInstanceOf(ExpiredOrUnknown.class);
        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, code)).isInstanceOf(Valid.class);
    }

    @Test
    void unknownSubjectHasNoCode() {
        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject(), "123456")).isInstanceOf(ExpiredOrUnknown.class);
    }

    @Test
    void codeExpires() throws InterruptedException {
        String subject = subject();
        String code = store().issue(CodePurpose.VERIFY_EMAIL, subject, Duration.ofMillis(300));

        waitUntilExpired(Duration.ofMillis(400));

        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, code)).isInstanceOf(ExpiredOrUnknown.class);
    }

    @Test
    void codeIsValidUntilItExpires() {
        String subject = subject();
        String code = store().issue(CodePurpose.VERIFY_EMAIL, subject, TEN_MINUTES);

        clock().advance(Duration.ofMinutes(9));

        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, code)).isInstanceOf(Valid.class);
    }

    @Test
    void ofManyRacingRightAnswersExactlyOneIsValid() throws Exception {
        String subject = subject();
        String code = store().issue(CodePurpose.VERIFY_EMAIL, subject, TEN_MINUTES);

        List<CodeCheck> outcomes = race(16, () -> store().check(CodePurpose.VERIFY_EMAIL, subject, code));

        assertThat(outcomes).filteredOn(Valid.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ExpiredOrUnknown.class::isInstance).hasSize(15);
    }

    @Test
    void racingWrongAnswersAreAllCounted() throws Exception {
        String subject = subject();
        String code = store().issue(CodePurpose.VERIFY_EMAIL, subject, TEN_MINUTES);

        List<CodeCheck> outcomes = race(20, () -> store().check(CodePurpose.VERIFY_EMAIL, subject, wrong(code)));

        assertThat(outcomes).filteredOn(Wrong.class::isInstance)
                .containsExactlyInAnyOrder(new Wrong(4), new Wrong(3), new Wrong(2), new Wrong(1));
        assertThat(outcomes).filteredOn(TooManyAttempts.class::isInstance).hasSize(1);
        assertThat(store().check(CodePurpose.VERIFY_EMAIL, subject, code)).isNotInstanceOf(Valid.class);
    }

    private static List<CodeCheck> race(int callers, Callable<CodeCheck> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<CodeCheck>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(call);
            }
            List<CodeCheck> outcomes = new ArrayList<>();
            for (Future<CodeCheck> result : pool.invokeAll(calls)) {
                outcomes.add(result.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
