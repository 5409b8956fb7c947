package dev.signet.admin.idempotency;

import dev.signet.admin.web.ProblemResponses;
import dev.signet.admin.web.Problems;
import dev.signet.core.idempotency.IdempotencyClaim;
import dev.signet.core.idempotency.IdempotencyStore;
import dev.signet.core.idempotency.StoredResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotency keys for every {@code POST} of the admin API (every POST creates something), as in
 * draft-ietf-httpapi-idempotency-key-header: the client sends {@code Idempotency-Key: "<unique value>"}; the first
 * request with that key runs and its response is stored; a retry with the same key and the same request gets the
 * stored response again (with {@code Idempotent-Replayed: true}) and nothing is created twice.
 * <ul>
 *   <li>no key: 400 problem ({@code idempotency-key-missing});</li>
 *   <li>the key used before for another request (method, path, query or body differ): 422
 *       ({@code idempotency-key-reused});</li>
 *   <li>the first request with the key is still running: 409 ({@code idempotency-key-in-use}); retry later.</li>
 * </ul>
 * Keys belong to the authenticated operator (the token's subject), so two clients never see each other's responses.
 * A response with a 5xx status (or an exception) is not stored: the key is released and the client may retry. A
 * response marked {@code Cache-Control: no-store} (a new client secret shown once, an erased account's data export) is
 * never kept: a retry with its key is answered with a 409 problem ({@code idempotency-response-not-kept}) saying the
 * request was carried out, instead of running it again.
 * Runs after Spring Security, so only authenticated, authorised requests claim keys.
 */
public final class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final List<String> REPLAYED_HEADERS = List.of("Content-Type", "Location", "ETag");

    private final IdempotencyStore store;
    private final Duration keepFor;
    private final List<OwnKeys> ownKeys;

    public IdempotencyKeyFilter(IdempotencyStore store, Duration keepFor) {
        this(store, keepFor, List.of());
    }

    public IdempotencyKeyFilter(IdempotencyStore store, Duration keepFor, List<OwnKeys> ownKeys) {
        this.store = Objects.requireNonNull(store, "store");
        this.keepFor = Objects.requireNonNull(keepFor, "keepFor");
        this.ownKeys = List.copyOf(ownKeys);
    }

    /**
     * POSTs whose endpoint handles its own Idempotency-Key, because its body is too large to hold in memory (an import
     * file streamed to storage). Such an endpoint must still require the key and refuse its reuse.
     */
    @FunctionalInterface
    public interface OwnKeys {
        boolean handles(HttpServletRequest request);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || ownKeys.stream().anyMatch(own -> own.handles(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = parseKey(request.getHeader(HEADER));
        if (key == null) {
            ProblemResponses.write(response, Problems.of(HttpStatus.BAD_REQUEST, Problems.IDEMPOTENCY_KEY_MISSING,
                    "Idempotency key required", "Send a unique Idempotency-Key header (for example a random UUID in "
                            + "quotes) with every POST, and the same one when you retry it."), request.getRequestURI());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            ProblemResponses.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, java.net.URI.create(
                    "about:blank"), "Content too large", "A request body may be at most 1 MiB."),
                    request.getRequestURI());
            return;
        }
        String scope = scope();
        IdempotencyClaim claim = store.claim(scope, key, fingerprint(request, body), keepFor);
        if (claim instanceof IdempotencyClaim.Replay replay) {
            replay(replay.response(), response);
            return;
        }
        if (claim instanceof IdempotencyClaim.KeyReused) {
            ProblemResponses.write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    Problems.IDEMPOTENCY_KEY_REUSED, "Idempotency key already used",
                    "This Idempotency-Key was used for a different request. Use a new key for a new request."),
                    request.getRequestURI());
            return;
        }
        if (claim instanceof IdempotencyClaim.InProgress) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(response, Problems.of(HttpStatus.CONFLICT, Problems.IDEMPOTENCY_KEY_IN_USE,
                    "Request still in progress", "A request with this Idempotency-Key is still being processed. "
                            + "Retry shortly to get its result."), request.getRequestURI());
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            String cacheControl = recorded.getHeader("Cache-Control");
            boolean noStore = cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT)
                    .contains("no-store");
            if (recorded.getStatus() < 500) {
                store.complete(scope, key, noStore ? notKept(request) : recordedResponse(recorded));
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(scope, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static StoredResponse recordedResponse(ContentCachingResponseWrapper recorded) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = name.equals("Content-Type") ? recorded.getContentType() : recorded.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new StoredResponse(recorded.getStatus(), headers, recorded.getContentAsByteArray());
    }

    /** What a retry gets in place of a response that held a secret or personal data: the fact, not the content. */
    private static StoredResponse notKept(HttpServletRequest request) {
        byte[] problem = ProblemResponses.json(Problems.of(HttpStatus.CONFLICT, Problems.IDEMPOTENCY_RESPONSE_NOT_KEPT,
                "Request already carried out", "The request with this Idempotency-Key was carried out. Its response "
                        + "held a secret or personal data, so it was not kept and cannot be sent again."),
                request.getRequestURI());
        return new StoredResponse(HttpStatus.CONFLICT.value(),
                Map.of("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE), problem);
    }

    /** The key from a structured-field string ({@code "abc"}) or, leniently, a bare token; null when unusable. */
    public static String parseKey(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 255 || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return null;
        }
        return value;
    }

    private static String scope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        byte[] body = stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request with its body read once up front (for the fingerprint) and served again to the handler. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(
                    encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
