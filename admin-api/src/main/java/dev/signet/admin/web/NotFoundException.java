package dev.signet.admin.web;

/** The resource does not exist (a 404 problem). */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
