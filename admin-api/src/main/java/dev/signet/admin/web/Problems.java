package dev.signet.admin.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The admin API's RFC 9457 problem types. Generic HTTP errors use {@code about:blank} (the status says it all);
 * errors a client can act on have their own type, documented in docs/admin-api.md "Errors".
 */
public final class Problems {

    private static final String BASE = "https://signet.dev/problems/";

    public static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");
    public static final URI PRECONDITION_REQUIRED = URI.create(BASE + "precondition-required");
    public static final URI PRECONDITION_FAILED = URI.create(BASE + "precondition-failed");
    public static final URI IDEMPOTENCY_KEY_MISSING = URI.create(BASE + "idempotency-key-missing");
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");
    public static final URI IDEMPOTENCY_KEY_IN_USE = URI.create(BASE + "idempotency-key-in-use");
    public static final URI IDEMPOTENCY_RESPONSE_NOT_KEPT = URI.create(BASE + "idempotency-response-not-kept");
    public static final URI INVALID_TOKEN = URI.create(BASE + "invalid-token");
    public static final URI INSUFFICIENT_SCOPE = URI.create(BASE + "insufficient-scope");
    public static final URI INVALID_TRANSITION = URI.create(BASE + "invalid-transition");
    public static final URI MERGE_INTO_ITSELF = URI.create(BASE + "merge-into-itself");
    public static final URI ALREADY_MERGED = URI.create(BASE + "already-merged");
    public static final URI MERGE_CONFLICT = URI.create(BASE + "merge-conflict");
    public static final URI NOT_MERGED = URI.create(BASE + "not-merged");
    public static final URI ALREADY_LINKED = URI.create(BASE + "already-linked");
    public static final URI SESSIONS_NOT_AVAILABLE = URI.create(BASE + "sessions-not-available");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
