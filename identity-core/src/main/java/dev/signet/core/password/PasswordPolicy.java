package dev.signet.core.password;

import java.util.List;

/**
 * Decides whether a new password may be used, per NIST SP 800-63B: a minimum and maximum length, no composition
 * rules, and a refusal of passwords that are common, breached or derived from the account's own email address.
 */
public interface PasswordPolicy {

    /** Every reason the password is refused; empty when it is acceptable. */
    List<PasswordProblem> check(CharSequence password, String email);

    /** The fewest characters a new password may have (pages tell citizens this before they choose). */
    int minLength();

    /** The most characters a new password may have. */
    int maxLength();
}
