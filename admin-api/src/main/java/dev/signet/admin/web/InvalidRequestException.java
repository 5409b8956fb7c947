package dev.signet.admin.web;

import java.util.List;

/** A request the API cannot act on, with what is wrong per parameter (a 400 problem with {@code errors}). */
public final class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(String parameter, String detail) {
        this(List.of(new FieldError(parameter, detail)));
    }

    public InvalidRequestException(List<FieldError> errors) {
        super("Invalid request: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One parameter and what is wrong with it. */
    public record FieldError(String parameter, String detail) {
    }
}
