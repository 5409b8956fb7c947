package dev.signet.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import dev.signet.connector.Connector;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.ConnectorSettings;
import dev.signet.connector.ConnectorType;
import dev.signet.connector.InvalidSettingsException;
import dev.signet.connector.Setting;
import dev.signet.connector.SettingKind;
import dev.signet.connector.SettingProblem;
import dev.signet.connector.SettingsSchema;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Connector type {@code ldap}: an LDAP directory or Active Directory, checked by search then bind. Registered for
 * {@link java.util.ServiceLoader}. See {@code docs/ldap-connector.md} for every setting.
 */
public final class LdapType implements ConnectorType {

    /** The type's name in configuration. */
    public static final String NAME = "ldap";

    /** An attribute description: a name (or numeric OID) with optional options ({@code userCertificate;binary}). */
    static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+)(;[A-Za-z0-9-]+)*");

    private static final SettingsSchema SCHEMA = SettingsSchema.of(
            Setting.text("url", "The directory's address: ldap://host:389 or ldaps://host:636. Several addresses, "
                    + "separated by spaces, are tried in order (Active Directory domain controllers).").mandatory(),
            Setting.of("start-tls", SettingKind.BOOLEAN, "Whether to upgrade ldap:// connections to TLS with "
                    + "StartTLS before anything is sent.").withDefault("false"),
            Setting.text("tls.trusted-certificates", "PEM certificates (the department's CA, or the directory's own) "
                    + "trusted for LDAPS and StartTLS, instead of the JVM's default trust store."),
            Setting.text("tls.trusted-certificates-file", "A PEM file of such certificates, instead of giving them "
                    + "inline."),
            Setting.text("bind-dn", "The service account Signet searches as; without it, Signet searches "
                    + "anonymously."),
            Setting.secret("bind-password", "The service account's password."),
            Setting.text("base-dn", "Where users are searched for: ou=people,dc=example,dc=org.").mandatory(),
            Setting.choice("search-scope", List.of("sub", "one"), "Search the whole subtree under base-dn, or only "
                    + "its direct children.").withDefault("sub"),
            Setting.text("login-filter", "The filter finding the one entry a citizen signs in as, with {login} "
                    + "for what they typed (escaped): (&(objectClass=inetOrgPerson)(uid={login})), or for Active "
                    + "Directory (&(objectCategory=person)(objectClass=user)(sAMAccountName={login})).").mandatory(),
            Setting.text("user-filter", "The filter matching every user entry: used to list users and to look them "
                    + "up by subject.").withDefault("(objectClass=person)"),
            Setting.text("subject-attribute", "The attribute holding each user's stable identifier, the legacy "
                    + "subject: entryUUID (OpenLDAP, 389 Directory Server), objectGUID (Active Directory), uid.")
                    .withDefault("entryUUID"),
            Setting.choice("subject-encoding", List.of("text", "ms-guid"), "How the subject attribute is read: as "
                    + "text, or as Active Directory's binary objectGUID written the Windows way.")
                    .withDefault("text"),
            Setting.group("attributes", SettingKind.TEXT, "attributes.<name>=<ldap attribute>: a directory "
                    + "attribute passed on as an unverified attribute, named after the OpenID Connect claim it fills "
                    + "(attributes.email=mail, attributes.given_name=givenName, attributes.family_name=sn, "
                    + "attributes.phone_number=telephoneNumber)."),
            Setting.group("verified-attributes", SettingKind.TEXT, "verified-attributes.<name>=<ldap attribute>: an "
                    + "attribute the department vouches for, passed on as verified. None by default."),
            Setting.of("connect-timeout", SettingKind.DURATION, "Longest wait to connect to the directory (TLS "
                    + "handshake included).").withDefault("5s"),
            Setting.of("response-timeout", SettingKind.DURATION, "Longest wait for the directory to answer one "
                    + "request (a search, a bind).").withDefault("5s"),
            Setting.of("max-connections", SettingKind.INTEGER, "Most connections kept open to the directory.")
                    .withDefault("4"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Checks passwords against an LDAP directory or Active Directory by search then bind, over ldap://, "
                + "LDAPS or StartTLS.";
    }

    @Override
    public SettingsSchema schema() {
        return SCHEMA;
    }

    @Override
    public List<SettingProblem> validate(ConnectorSettings settings) {
        List<SettingProblem> problems = new ArrayList<>(SCHEMA.validate(settings));
        ConnectorSettings resolved = usable(settings, problems);
        boolean ldaps = checkUrls(resolved.optional("url"), problems);
        boolean startTls = resolved.bool("start-tls");
        if (ldaps && startTls) {
            problems.add(new SettingProblem("start-tls", "cannot be used with ldaps:// (already TLS)"));
        }
        checkTrust(resolved, ldaps || startTls, problems);
        boolean bindDn = resolved.optional("bind-dn").isPresent();
        boolean bindPassword = resolved.optional("bind-password").isPresent();
        if (bindDn != bindPassword) {
            problems.add(bindDn
                    ? new SettingProblem("bind-password", "must be given with bind-dn (a bind without a password "
                            + "is anonymous)")
                    : new SettingProblem("bind-dn", "must be given with bind-password"));
        }
        for (String name : List.of("bind-dn", "base-dn")) {
            resolved.optional(name).filter(dn -> !DN.isValidDN(dn)).ifPresent(dn -> problems.add(
                    new SettingProblem(name, "is not a valid distinguished name")));
        }
        resolved.optional("login-filter").ifPresent(template -> {
            try {
                LoginFilter.of(template);
            } catch (IllegalArgumentException e) {
                problems.add(new SettingProblem("login-filter", e.getMessage()));
            }
        });
        resolved.optional("user-filter").ifPresent(filter -> {
            try {
                Filter.create(filter);
            } catch (LDAPException e) {
                problems.add(new SettingProblem("user-filter", "is not a valid LDAP filter (RFC 4515)"));
            }
        });
        resolved.asMap().forEach((name, value) -> {
            boolean attribute = name.equals("subject-attribute") || name.startsWith("attributes.")
                    || name.startsWith("verified-attributes.");
            if (attribute && !ATTRIBUTE.matcher(value).matches()) {
                problems.add(new SettingProblem(name, "must be an LDAP attribute name (letters, digits, hyphens)"));
            }
        });
        if (resolved.text("subject-attribute").equalsIgnoreCase("objectGUID")
                && resolved.text("subject-encoding").equals("text")) {
            problems.add(new SettingProblem("subject-encoding", "must be ms-guid for objectGUID, which is binary"));
        }
        Map<String, String> unverified = resolved.group("attributes");
        resolved.group("verified-attributes").keySet().stream().filter(unverified::containsKey).forEach(name ->
                problems.add(new SettingProblem("verified-attributes." + name, "is also given as attributes." + name)));
        checkDuration(resolved, "connect-timeout", problems);
        checkDuration(resolved, "response-timeout", problems);
        long connections = resolved.integer("max-connections");
        if (connections < 1 || connections > 64) {
            problems.add(new SettingProblem("max-connections", "must be from 1 to 64"));
        }
        return List.copyOf(problems);
    }

    /** Checks the URLs; whether they are ldaps://. */
    private static boolean checkUrls(Optional<String> text, List<SettingProblem> problems) {
        if (text.isEmpty()) {
            return false;
        }
        List<LDAPURL> urls;
        try {
            urls = LdapSettings.urls(text.get());
        } catch (LDAPException e) {
            problems.add(new SettingProblem("url", "must be ldap://host:port or ldaps://host:port, separated by "
                    + "spaces when several"));
            return false;
        }
        Set<String> schemes = urls.stream().map(url -> url.getScheme().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        if (schemes.contains("ldapi") || schemes.size() > 1) {
            problems.add(new SettingProblem("url", "must all be ldap:// or all be ldaps://"));
        }
        for (LDAPURL url : urls) {
            if (!url.hostProvided()) {
                problems.add(new SettingProblem("url", "must name the directory's host"));
            } else if (url.baseDNProvided() || url.filterProvided() || url.attributesProvided()) {
                problems.add(new SettingProblem("url", "must hold only scheme, host and port (give base-dn and "
                        + "login-filter as settings)"));
            }
        }
        return schemes.equals(Set.of("ldaps"));
    }

    private static void checkTrust(ConnectorSettings settings, boolean tls, List<SettingProblem> problems) {
        Optional<String> inline = settings.optional("tls.trusted-certificates");
        Optional<String> file = settings.optional("tls.trusted-certificates-file");
        if (inline.isPresent() && file.isPresent()) {
            problems.add(new SettingProblem("tls.trusted-certificates", "and tls.trusted-certificates-file cannot "
                    + "both be given; choose one"));
            return;
        }
        String name = inline.isPresent() ? "tls.trusted-certificates" : "tls.trusted-certificates-file";
        if ((inline.isPresent() || file.isPresent()) && !tls) {
            problems.add(new SettingProblem(name, "is used only with ldaps:// or start-tls: true"));
            return;
        }
        try {
            Optional<String> pem = TrustedCertificates.pemOf(inline, file);
            if (pem.isPresent()) {
                TrustedCertificates.fromPem(pem.get());
            }
        } catch (IOException e) {
            problems.add(new SettingProblem(name, "cannot be read: " + e.getClass().getSimpleName()));
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add(new SettingProblem(name, "holds no readable PEM certificate"));
        }
    }

    /**
     * The settings without those already failing, defaults filled in, so that the checks across settings still run
     * (and every problem is reported at once) without tripping over a value known to be wrong.
     */
    private static ConnectorSettings usable(ConnectorSettings settings, List<SettingProblem> problems) {
        Set<String> failing = problems.stream().map(SettingProblem::setting).collect(Collectors.toSet());
        Map<String, String> usable = new HashMap<>();
        settings.asMap().forEach((name, value) -> {
            if (!failing.contains(name)) {
                usable.put(name, value);
            }
        });
        SCHEMA.settings().forEach(setting -> setting.defaultValue()
                .filter(value -> !usable.containsKey(setting.name()))
                .ifPresent(value -> usable.put(setting.name(), value)));
        return ConnectorSettings.of(usable);
    }

    private static void checkDuration(ConnectorSettings settings, String name, List<SettingProblem> problems) {
        Duration value = settings.duration(name);
        if (value.compareTo(Duration.ofMillis(250)) < 0 || value.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.add(new SettingProblem(name, "must be from 250ms to 1m"));
        }
    }

    @Override
    public Connector open(ConnectorInstance instance, ConnectorSettings settings) {
        List<SettingProblem> problems = validate(settings);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(instance.id(), NAME, problems);
        }
        return new LdapConnector(instance, LdapSettings.from(SCHEMA.resolve(instance.id(), NAME, settings)));
    }
}
