package dev.signet.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Objects;

/**
 * The operator's search filter for finding the entry a citizen signs in as, with {@value #PLACEHOLDER} standing for
 * the login name: {@code (&(objectClass=inetOrgPerson)(uid={login}))}. The login name is escaped per RFC 4515 before
 * it goes in, so whatever a citizen types is matched as a literal value and never changes the filter's structure:
 * {@code *)(uid=*} finds the user literally named that, which is nobody.
 */
final class LoginFilter {

    /** What stands for the login name in the template. */
    static final String PLACEHOLDER = "{login}";

    private final String template;

    private LoginFilter(String template) {
        this.template = template;
    }

    /**
     * A filter from {@code template}.
     *
     * @throws IllegalArgumentException when the template lacks {@value #PLACEHOLDER} or is not a valid filter
     */
    static LoginFilter of(String template) {
        Objects.requireNonNull(template, "template");
        if (!template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("must contain " + PLACEHOLDER + " where the login name goes");
        }
        LoginFilter filter = new LoginFilter(template);
        try {
            filter.forLogin("sample");
        } catch (LDAPException e) {
            throw new IllegalArgumentException("is not a valid LDAP filter (RFC 4515)", e);
        }
        return filter;
    }

    /** The filter finding {@code loginName}, taken literally. */
    Filter forLogin(String loginName) throws LDAPException {
        return Filter.create(template.replace(PLACEHOLDER, escape(loginName)));
    }

    /**
     * {@code value} escaped as an RFC 4515 assertion value: the characters that carry meaning in a filter ({@code *},
     * {@code (}, {@code )}, {@code \}) and NUL become {@code \}-and-two-hex-digits; everything else, UTF-8 included,
     * is left as it is (RFC 4515 allows it).
     */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '*' -> escaped.append("\\2a");
                case '(' -> escaped.append("\\28");
                case ')' -> escaped.append("\\29");
                case '\\' -> escaped.append("\\5c");
                case '\0' -> escaped.append("\\00");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
