package dev.signet.connector.remote.internal;

import java.util.Arrays;
import java.util.Optional;

/** The protocol's operations, one per capability of the connector model, each at its own path under the base URL. */
public enum Operation {
    /** What the connector is and which operations it offers. */
    DESCRIBE("describe"),
    /** {@link dev.signet.connector.PasswordConnector#checkPassword}. */
    CHECK_PASSWORD("check-password"),
    /** {@link dev.signet.connector.LookupConnector#lookUp}. */
    LOOK_UP("look-up"),
    /** {@link dev.signet.connector.ListingConnector#list}. */
    LIST("list");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the request's {@code op} claim and in the path: {@code check-password}. */
    public String wireName() {
        return wireName;
    }

    /** The operation named {@code wireName}. */
    public static Optional<Operation> named(String wireName) {
        return Arrays.stream(values()).filter(op -> op.wireName.equals(wireName)).findFirst();
    }
}
