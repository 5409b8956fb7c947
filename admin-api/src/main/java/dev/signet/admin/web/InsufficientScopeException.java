package dev.signet.admin.web;

import java.util.Objects;

/**
 * The token lacks a scope that this particular request needs, where the path alone cannot say (placing a block needs
 * {@code admin.manage}, a suspension {@code admin.support}): a 403 problem of type {@code insufficient-scope} with
 * RFC 6750's challenge naming the scope, as Spring Security answers for path rules.
 */
public final class InsufficientScopeException extends RuntimeException {

    private final String scope;

    public InsufficientScopeException(String scope, String detail) {
        super(detail);
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    public String scope() {
        return scope;
    }
}
