package dev.signet.server.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The problems with one submitted form, in page order: each names the field it belongs to (the error summary links
 * to it) and a message key with its arguments (templates resolve it in the page's language).
 */
public final class FormErrors {

    /** One problem with one field. */
    public record FieldError(String field, String messageKey, Object... arguments) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    public FormErrors add(String field, String messageKey, Object... arguments) {
        errors.add(new FieldError(field, messageKey, arguments));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> getAll() {
        return List.copyOf(errors);
    }

    public boolean has(String field) {
        return first(field).isPresent();
    }

    /** The first problem with the field, or {@code null} (for templates). */
    public FieldError get(String field) {
        return first(field).orElse(null);
    }

    private Optional<FieldError> first(String field) {
        return errors.stream().filter(error -> error.field().equals(field)).findFirst();
    }
}
