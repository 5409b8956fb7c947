package dev.signet.client;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one authorization request asks for beyond the client's defaults: how strongly the citizen must have signed in
 * ({@code vtr}), in which language Signet's pages should be ({@code ui_locales}), how recent the sign-in must be
 * ({@code max_age}), which claims ({@code claims}), and so on. Immutable; start from {@link #defaults()} or
 * {@link #builder()}.
 *
 * <pre>{@code
 * AuthorizationOptions options = AuthorizationOptions.builder()
 *         .vectorsOfTrust("Cl.Cm", "Cl")   // either a second factor or a password alone will do
 *         .uiLocales("cy", "en")            // Welsh pages, English otherwise
 *         .maxAge(Duration.ofMinutes(15))   // ask again if the citizen signed in longer ago
 *         .build();
 * }</pre>
 */
public final class AuthorizationOptions {

    private static final Pattern VECTOR = Pattern.compile("[A-Z][A-Za-z0-9](\\.[A-Z][A-Za-z0-9])*");
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");
    private static final AuthorizationOptions DEFAULTS = new Builder().build();

    private final List<String> vectorsOfTrust;
    private final List<String> uiLocales;
    private final Duration maxAge;
    private final Set<String> prompt;
    private final Set<String> extraScopes;
    private final String claims;
    private final String loginHint;
    private final URI redirectUri;

    private AuthorizationOptions(Builder builder) {
        this.vectorsOfTrust = List.copyOf(builder.vectorsOfTrust);
        this.uiLocales = List.copyOf(builder.uiLocales);
        this.maxAge = builder.maxAge;
        this.prompt = Collections.unmodifiableSet(new LinkedHashSet<>(builder.prompt));
        this.extraScopes = Collections.unmodifiableSet(new LinkedHashSet<>(builder.extraScopes));
        this.claims = builder.claims;
        this.loginHint = builder.loginHint;
        this.redirectUri = builder.redirectUri;
    }

    /** No options: the client's scopes and redirect URI, Signet's default vector of trust ({@code Cl.Cm}). */
    public static AuthorizationOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The acceptable vectors of trust, most wanted first; empty means Signet's default, {@code Cl.Cm}. */
    public List<String> vectorsOfTrust() {
        return vectorsOfTrust;
    }

    public List<String> uiLocales() {
        return uiLocales;
    }

    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    public Set<String> prompt() {
        return prompt;
    }

    public Set<String> extraScopes() {
        return extraScopes;
    }

    /** The {@code claims} request parameter (OpenID Connect Core §5.5), as JSON. */
    public Optional<String> claims() {
        return Optional.ofNullable(claims);
    }

    public Optional<String> loginHint() {
        return Optional.ofNullable(loginHint);
    }

    /** A redirect URI for this request instead of the client's default one. */
    public Optional<URI> redirectUri() {
        return Optional.ofNullable(redirectUri);
    }

    /** Builds {@link AuthorizationOptions}; each setter checks its argument at once. */
    public static final class Builder {

        private final List<String> vectorsOfTrust = new ArrayList<>();
        private final List<String> uiLocales = new ArrayList<>();
        private Duration maxAge;
        private final Set<String> prompt = new LinkedHashSet<>();
        private final Set<String> extraScopes = new LinkedHashSet<>();
        private String claims;
        private String loginHint;
        private URI redirectUri;

        private Builder() {
        }

        /**
         * The vectors of trust (RFC 8485) the sign-in may meet, any one of which will do, e.g. {@code "Cl"} (password)
         * or {@code "Cl.Cm"} (password and a second factor). Sent as {@code vtr}; the ID token's {@code vot} is then
         * checked against them. Without this, Signet requires {@code Cl.Cm} and the client expects it.
         */
        public Builder vectorsOfTrust(String... vectors) {
            vectorsOfTrust.clear();
            for (String vector : vectors) {
                if (vector == null || !VECTOR.matcher(vector).matches()) {
                    throw new IllegalArgumentException("Not a vector of trust (RFC 8485), e.g. Cl or Cl.Cm: " + vector);
                }
                vectorsOfTrust.add(vector);
            }
            return this;
        }

        /** Languages for Signet's pages, most preferred first (e.g. {@code "cy", "en"}). Sent as {@code ui_locales}. */
        public Builder uiLocales(String... locales) {
            uiLocales.clear();
            for (String locale : locales) {
                if (locale == null || !locale.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
                    throw new IllegalArgumentException("Not a language tag (BCP 47): " + locale);
                }
                uiLocales.add(locale);
            }
            return this;
        }

        /**
         * The longest time since the citizen last actively signed in; older sign-ins are asked again. Sent as
         * {@code max_age} in whole seconds; the ID token's {@code auth_time} is then checked against it.
         */
        public Builder maxAge(Duration maxAge) {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative");
            }
            this.maxAge = maxAge;
            return this;
        }

        /** {@code prompt} values: {@code login} (always ask), {@code none} (never show a page), ... */
        public Builder prompt(String... values) {
            prompt.clear();
            for (String value : values) {
                if (!PROMPTS.contains(value)) {
                    throw new IllegalArgumentException("Unknown prompt value: " + value);
                }
                prompt.add(value);
            }
            if (prompt.contains("none") && prompt.size() > 1) {
                throw new IllegalArgumentException("prompt=none cannot be combined with other values");
            }
            return this;
        }

        /** Scopes to ask for in addition to the client's configured ones (e.g. {@code email}). */
        public Builder extraScopes(String... scopes) {
            for (String scope : scopes) {
                if (scope == null || !SCOPE_TOKEN.matcher(scope).matches()) {
                    throw new IllegalArgumentException("Not a scope token (RFC 6749 §3.3): " + scope);
                }
                extraScopes.add(scope);
            }
            return this;
        }

        /**
         * The {@code claims} request parameter (OpenID Connect Core §5.5), a JSON object such as
         * {@code {"userinfo":{"email":{"essential":true}}}}.
         */
        public Builder claims(String claimsJson) {
            Objects.requireNonNull(claimsJson, "claimsJson");
            try {
                Object members = JSONObjectUtils.parse(claimsJson);
                Objects.requireNonNull(members);
            } catch (ParseException e) {
                throw new IllegalArgumentException("claims must be a JSON object: " + e.getMessage());
            }
            this.claims = claimsJson;
            return this;
        }

        /** A hint about who is signing in, e.g. the email address the citizen already gave the service. */
        public Builder loginHint(String loginHint) {
            this.loginHint = Objects.requireNonNull(loginHint, "loginHint");
            return this;
        }

        /** Overrides the client's redirect URI for this request; it must be registered with Signet too. */
        public Builder redirectUri(URI redirectUri) {
            this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
            return this;
        }

        public AuthorizationOptions build() {
            return new AuthorizationOptions(this);
        }
    }
}
