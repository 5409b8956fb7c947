package dev.signet.admin.web;

import java.util.Map;

/**
 * The request is valid but cannot be carried out in the resource's current state (a 409 problem of type
 * {@code invalid-transition}), such as suspending an account that is blocked.
 */
public final class ConflictException extends RuntimeException {

    private final transient Map<String, Object> properties;

    /**
     * @param detail     what is wrong and what to do instead, for the operator
     * @param properties extra members of the problem document (such as {@code current_status})
     */
    public ConflictException(String detail, Map<String, Object> properties) {
        super(detail);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
