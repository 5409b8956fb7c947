package dev.signet.bench.load;

/**
 * An operation that did not end as the flow expects. {@link #getMessage()} is a short, stable description used to
 * group failures in the report (so it carries status codes and error codes, never tokens, codes or passwords).
 */
final class FlowFailure extends Exception {

    FlowFailure(String kind) {
        super(kind, null, false, false);
    }
}
