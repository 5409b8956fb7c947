package dev.signet.core.idempotency;

/** What a request carrying an idempotency key may do. */
public sealed interface IdempotencyClaim {

    /** First use of the key: go ahead, then {@code complete} (or {@code release} when it failed). */
    record Claimed() implements IdempotencyClaim {
    }

    /** The first request with this key is still being processed. */
    record InProgress() implements IdempotencyClaim {
    }

    /** The key was used before for the same request: send its stored response again. */
    record Replay(StoredResponse response) implements IdempotencyClaim {
    }

    /** The key was used before for a different request (another method, path or body). */
    record KeyReused() implements IdempotencyClaim {
    }
}
