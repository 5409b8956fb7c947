package dev.signet.admin.web;

import org.springframework.http.ProblemDetail;

/** A conditional request whose precondition does not hold (428 or 412). */
public final class PreconditionException extends RuntimeException {

    private final transient ProblemDetail problem;

    PreconditionException(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }
}
