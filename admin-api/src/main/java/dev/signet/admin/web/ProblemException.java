package dev.signet.admin.web;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** An error with its own problem type (one of {@link Problems}), status, and extra members, answered as it is. */
public final class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    /**
     * @param detail     what is wrong and what to do instead, for the operator
     * @param properties extra members of the problem document (such as {@code merged_into})
     */
    public ProblemException(HttpStatus status, URI type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.problem = Problems.of(Objects.requireNonNull(status, "status"), type, title, detail);
        properties.forEach(problem::setProperty);
    }

    public ProblemDetail problem() {
        return problem;
    }
}
