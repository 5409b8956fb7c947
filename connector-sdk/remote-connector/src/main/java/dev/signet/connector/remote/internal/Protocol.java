package dev.signet.connector.remote.internal;

import java.time.Duration;

/** The fixed values of the remote connector protocol, version 1 ({@code remote-connector-protocol/openapi.yaml}). */
public final class Protocol {

    /** The version this code speaks; {@code describe} reports it. */
    public static final String VERSION = "1";

    /** Media type of request and response bodies: one compact JWS. */
    public static final String MEDIA_TYPE = "application/jwt";
    /** Media type of refusals, which are not signed. */
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    /** JWS {@code typ} of a request, so a request can never pass for a response, an ID token or anything else. */
    public static final String REQUEST_TYPE = "signet-connector-request+jwt";
    /** JWS {@code typ} of a response. */
    public static final String RESPONSE_TYPE = "signet-connector-response+jwt";

    /** How long a request or response is valid after it is made ({@code exp - iat}). */
    public static final Duration MESSAGE_LIFETIME = Duration.ofSeconds(60);
    /** The longest {@code exp - iat} a receiver accepts. */
    public static final Duration LONGEST_LIFETIME = Duration.ofMinutes(5);
    /** The clock difference tolerated between Signet and a connector. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** Longest password sent (characters); a longer one is no one's, and is refused without asking. */
    public static final int MAX_PASSWORD_LENGTH = 4096;
    /** Longest login name or subject sent (characters). */
    public static final int MAX_NAME_LENGTH = 1024;
    /** Largest request body a server reads. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;
    /** Largest response body Signet reads (a page of 10,000 identities fits). */
    public static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    // Claim names beyond the registered ones (iss, aud, iat, exp, jti).
    public static final String OPERATION = "op";
    public static final String LOGIN_NAME = "login_name";
    public static final String PASSWORD = "password";
    public static final String KEY = "key";
    public static final String SUBJECT = "subject";
    public static final String CURSOR = "cursor";
    public static final String SIZE = "size";
    public static final String IN_RESPONSE_TO = "in_response_to";
    public static final String REQUEST_HASH = "request_hash";
    public static final String OUTCOME = "outcome";
    public static final String IDENTITY = "identity";
    public static final String IDENTITIES = "identities";
    public static final String VERIFIED_ATTRIBUTES = "verified_attributes";
    public static final String UNVERIFIED_ATTRIBUTES = "unverified_attributes";
    public static final String REASON = "reason";
    public static final String NEXT_CURSOR = "next_cursor";
    public static final String CAPABILITIES = "capabilities";
    public static final String PROTOCOL_VERSION = "protocol_version";

    private Protocol() {
    }
}
