package dev.signet.connector.ldap;

import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchScope;
import dev.signet.connector.ConnectorSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checked settings of one LDAP connector, typed. */
record LdapSettings(List<LDAPURL> servers, boolean ldaps, boolean startTls, Optional<String> trustedCertificatesPem,
        Optional<String> bindDn, Optional<String> bindPassword, String baseDn, SearchScope scope,
        LoginFilter loginFilter, String userFilter, String subjectAttribute, SubjectEncoding subjectEncoding,
        Map<String, String> attributes, Map<String, String> verifiedAttributes, Duration connectTimeout,
        Duration responseTimeout, int maxConnections) {

    /** Settings already validated by {@link LdapType#validate}. */
    static LdapSettings from(ConnectorSettings settings) {
        try {
            List<LDAPURL> servers = urls(settings.text("url"));
            return new LdapSettings(servers, servers.get(0).getScheme().equals("ldaps"), settings.bool("start-tls"),
                    TrustedCertificates.pemOf(settings.optional("tls.trusted-certificates"),
                            settings.optional("tls.trusted-certificates-file")),
                    settings.optional("bind-dn"), settings.optional("bind-password"), settings.text("base-dn"),
                    settings.text("search-scope").equals("one") ? SearchScope.ONE : SearchScope.SUB,
                    LoginFilter.of(settings.text("login-filter")), settings.text("user-filter"),
                    settings.text("subject-attribute"), SubjectEncoding.fromSetting(settings.text("subject-encoding")),
                    settings.group("attributes"), settings.group("verified-attributes"),
                    settings.duration("connect-timeout"), settings.duration("response-timeout"),
                    (int) settings.integer("max-connections"));
        } catch (Exception e) {
            throw new IllegalArgumentException("LDAP settings must be validated before use", e);
        }
    }

    /** The space-separated LDAP URLs of {@code text}, tried in order. */
    static List<LDAPURL> urls(String text) throws com.unboundid.ldap.sdk.LDAPException {
        List<String> parts = Arrays.stream(text.trim().split("\\s+")).toList();
        List<LDAPURL> urls = new java.util.ArrayList<>();
        for (String part : parts) {
            urls.add(new LDAPURL(part));
        }
        return List.copyOf(urls);
    }

    /** Every directory attribute a search must return. */
    String[] attributesToRead() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        names.add(subjectAttribute);
        names.addAll(attributes.values());
        names.addAll(verifiedAttributes.values());
        return names.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "LdapSettings[servers=" + servers + ", baseDn=" + baseDn + ", bindPassword=(redacted)]";
    }
}
