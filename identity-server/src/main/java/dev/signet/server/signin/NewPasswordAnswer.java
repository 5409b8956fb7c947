package dev.signet.server.signin;

import dev.signet.core.password.PasswordPolicy;
import dev.signet.core.password.PasswordProblem;

/** Checking a new password and its confirmation, shared by sign-up and password reset. */
public final class NewPasswordAnswer {

    public static final String PASSWORD = "password";
    public static final String CONFIRM = "confirmPassword";

    private NewPasswordAnswer() {
    }

    public static FormErrors problems(PasswordPolicy policy, String password, String confirmPassword, String email) {
        FormErrors errors = new FormErrors();
        if (password == null || password.isEmpty()) {
            errors.add(PASSWORD, "newPassword.error.missing");
        } else {
            for (PasswordProblem problem : policy.check(password, email)) {
                errors.add(PASSWORD, "password.problem." + problem.name(), limitFor(problem, policy));
            }
        }
        if (confirmPassword == null || confirmPassword.isEmpty()) {
            errors.add(CONFIRM, "newPassword.error.confirmMissing");
        } else if (password != null && !password.isEmpty() && !password.equals(confirmPassword)) {
            errors.add(CONFIRM, "newPassword.error.mismatch");
        }
        return errors;
    }

    /** The length a TOO_SHORT or TOO_LONG message quotes ({0}); other messages take no argument. */
    private static Object limitFor(PasswordProblem problem, PasswordPolicy policy) {
        if (problem == PasswordProblem.TOO_SHORT) {
            return policy.minLength();
        }
        return problem == PasswordProblem.TOO_LONG ? policy.maxLength() : null;
    }
}
