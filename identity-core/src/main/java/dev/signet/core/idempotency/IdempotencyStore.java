package dev.signet.core.idempotency;

import java.time.Duration;

/**
 * Remembers idempotency keys (draft-ietf-httpapi-idempotency-key-header) and the response each produced, so that a
 * client retrying a create operation gets the first result instead of a second creation. Keys are scoped: one
 * client's key never collides with another's.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for a request.
     *
     * @param scope       whose key it is (the authenticated client or operator)
     * @param key         the client's idempotency key
     * @param fingerprint a digest of the request (method, target, body): a key reused for another request is refused
     * @param keepFor     how long the key and its response are remembered
     */
    IdempotencyClaim claim(String scope, String key, String fingerprint, Duration keepFor);

    /** Stores the response of a claimed key; retries with the same key get it from now on. */
    void complete(String scope, String key, StoredResponse response);

    /** Forgets a claimed key whose request failed without a result worth replaying, so that it can be retried. */
    void release(String scope, String key);

    /** Removes keys past their time; returns how many. */
    int purgeExpired();
}
