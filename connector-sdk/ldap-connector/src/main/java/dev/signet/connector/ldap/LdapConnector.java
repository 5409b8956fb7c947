package dev.signet.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import dev.signet.connector.Authenticated;
import dev.signet.connector.ConnectorInstance;
import dev.signet.connector.Found;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.ListingConnector;
import dev.signet.connector.ListingOutcome;
import dev.signet.connector.LookupConnector;
import dev.signet.connector.LookupOutcome;
import dev.signet.connector.NotFound;
import dev.signet.connector.PageRequest;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.connector.UserKey;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LDAP directory or Active Directory: checks passwords by search then bind, looks users up by login name or
 * subject, and lists them with paged searches. Opened by {@link LdapType}.
 *
 * <p>Search then bind: the service account (or an anonymous connection) searches under {@code base-dn} with the login
 * filter, the login name escaped; exactly one entry must match; then that entry's DN binds with the password typed,
 * and the connection goes back to the service account. Signet never reads or compares password hashes: the directory
 * does, with its own policy (locked and expired accounts fail the bind).
 *
 * <p>Logs name the connector and what went wrong (an LDAP result code), never a login name, password, DN, subject
 * or directory diagnostic message, which can quote values.
 */
final class LdapConnector implements PasswordConnector, LookupConnector, ListingConnector {

    private static final Logger log = LoggerFactory.getLogger(LdapConnector.class);

    /** Longest login name searched for; anything longer is no one's. */
    private static final int MAX_LOGIN_LENGTH = 320;

    /**
     * Bind results that mean the directory refused this user's credentials (a wrong password; and in Active
     * Directory a locked, disabled or expired account, reported as invalid credentials), not that it is unavailable.
     */
    private static final Set<ResultCode> REFUSED = Set.of(ResultCode.INVALID_CREDENTIALS,
            ResultCode.INAPPROPRIATE_AUTHENTICATION, ResultCode.UNWILLING_TO_PERFORM, ResultCode.INVALID_DN_SYNTAX,
            ResultCode.NO_SUCH_OBJECT, ResultCode.CONSTRAINT_VIOLATION);

    private final ConnectorInstance instance;
    private final LdapSettings settings;
    private final EntryMapping mapping;
    private final LDAPConnectionPool pool;
    private final PagedListings listings;

    LdapConnector(ConnectorInstance instance, LdapSettings settings) {
        this.instance = instance;
        this.settings = settings;
        this.mapping = new EntryMapping(instance.id(), settings);
        try {
            this.pool = DirectoryPool.open("ldap-" + instance.id(), settings);
        } catch (LDAPException | GeneralSecurityException e) {
            // Settings were validated; what is left is the JVM's TLS set-up failing.
            throw new IllegalStateException("Connector " + instance.id() + ": cannot set up LDAP connections ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        this.listings = new PagedListings(pool, settings, mapping, Clock.systemUTC());
    }

    @Override
    public ConnectorInstance instance() {
        return instance;
    }

    @Override
    public SignInOutcome checkPassword(String loginName, Password password) {
        // An empty password would be an "unauthenticated bind", which many directories accept as anonymous.
        if (password.isEmpty() || !isPlausibleKey(loginName)) {
            return new InvalidCredentials();
        }
        try {
            List<SearchResultEntry> entries = search(settings.loginFilter().forLogin(loginName));
            if (entries.isEmpty()) {
                log.debug("Connector {}: no entry matches the login name", instance.id());
                return new InvalidCredentials();
            }
            if (entries.size() > 1) {
                log.warn("Connector {}: a login name matches more than one directory entry; refused. Make "
                        + "login-filter match one entry per person", instance.id());
                return new InvalidCredentials();
            }
            SearchResultEntry entry = entries.get(0);
            if (!bind(entry.getDN(), password)) {
                return new InvalidCredentials();
            }
            // Only now: a wrong password must give the same outcome whatever the entry holds.
            Optional<LegacyIdentity> identity = mapping.identity(entry);
            return identity.isPresent() ? new Authenticated(identity.get()) : missingSubject();
        } catch (LDAPException e) {
            return unavailable("password check", e);
        } catch (RuntimeException e) {
            return unexpected("password check", e);
        }
    }

    /** Whether the directory accepts {@code password} for {@code dn}; the pooled connection then reverts. */
    private boolean bind(String dn, Password password) throws LDAPException {
        byte[] secret = password.utf8();
        try {
            pool.bindAndRevertAuthentication(new SimpleBindRequest(dn, secret));
            log.debug("Connector {}: bind succeeded", instance.id());
            return true;
        } catch (LDAPException e) {
            if (REFUSED.contains(e.getResultCode())) {
                log.debug("Connector {}: bind refused ({})", instance.id(), e.getResultCode().getName());
                return false;
            }
            throw e;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public LookupOutcome lookUp(UserKey key) {
        try {
            Optional<Filter> filter = filterFor(key);
            if (filter.isEmpty()) {
                return new NotFound();
            }
            List<SearchResultEntry> entries = search(filter.get());
            if (entries.size() > 1) {
                log.warn("Connector {}: a lookup matches more than one directory entry; treated as not found",
                        instance.id());
                return new NotFound();
            }
            if (entries.isEmpty()) {
                return new NotFound();
            }
            Optional<LegacyIdentity> identity = mapping.identity(entries.get(0));
            return identity.isPresent() ? new Found(identity.get()) : missingSubject();
        } catch (LDAPException e) {
            return unavailable("lookup", e);
        } catch (RuntimeException e) {
            return unexpected("lookup", e);
        }
    }

    @Override
    public ListingOutcome list(PageRequest request) {
        try {
            PagedListings.Result result = listings.page(request);
            if (result.skipped() > 0) {
                log.warn("Connector {}: {} listed entries have no {} and were left out", instance.id(),
                        result.skipped(), settings.subjectAttribute());
            }
            return result.page();
        } catch (PagedListings.ListingException e) {
            log.warn("Connector {}: listing failed: {}", instance.id(), e.getMessage());
            return new Unavailable(e.getMessage());
        } catch (LDAPException e) {
            return unavailable("listing", e);
        } catch (RuntimeException e) {
            return unexpected("listing", e);
        }
    }

    /** The filter finding {@code key}; empty when it cannot name anyone. */
    private Optional<Filter> filterFor(UserKey key) throws LDAPException {
        if (key instanceof UserKey.ByLoginName login) {
            return isPlausibleKey(login.loginName()) ? Optional.of(settings.loginFilter().forLogin(login.loginName()))
                    : Optional.empty();
        }
        String subject = ((UserKey.BySubject) key).subject();
        if (!isPlausibleKey(subject)) {
            return Optional.empty();
        }
        return settings.subjectEncoding().equalityFilter(settings.subjectAttribute(), subject)
                .map(bySubject -> Filter.createANDFilter(userFilter(), bySubject));
    }

    /**
     * The entries {@code filter} finds, at most two: a second one is enough to know a login name is ambiguous.
     */
    private List<SearchResultEntry> search(Filter filter) throws LDAPException {
        SearchRequest request = new SearchRequest(settings.baseDn(), settings.scope(), filter,
                settings.attributesToRead());
        request.setSizeLimit(2);
        try {
            return pool.search(request).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return e.getSearchEntries();
            }
            throw e;
        }
    }

    private Filter userFilter() {
        try {
            return Filter.create(settings.userFilter());
        } catch (LDAPException e) {
            throw new IllegalStateException("user-filter was validated", e);
        }
    }

    /**
     * Whether a login name or subject could name anyone at all. NUL is fine here: the filter escapes it, and the
     * directory finds nobody.
     */
    private static boolean isPlausibleKey(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_LOGIN_LENGTH;
    }

    private Unavailable missingSubject() {
        String reason = "directory entry has no readable " + settings.subjectAttribute() + " (subject-attribute, "
                + "subject-encoding)";
        log.warn("Connector {}: {}", instance.id(), reason);
        return new Unavailable(reason);
    }

    /**
     * An outcome and a log line that say what failed by result code, without the directory's diagnostic message
     * (which can quote a DN or a filter value).
     */
    private Unavailable unavailable(String operation, LDAPException e) {
        ResultCode code = e.getResultCode();
        Optional<SSLException> tls = tlsFailure(e);
        String reason;
        if (tls.isPresent()) {
            // The JDK's TLS messages name certificates and host names, never a citizen's data; operators need them.
            reason = "TLS with the directory failed: " + abbreviate(String.valueOf(tls.get().getMessage()));
        } else if (code == ResultCode.TIMEOUT) {
            reason = "directory did not answer within " + settings.responseTimeout();
        } else if (code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN) {
            reason = "directory cannot be reached (" + code.getName() + ", connect timeout "
                    + settings.connectTimeout() + ")";
        } else {
            reason = "directory answered " + code.getName() + " (result code " + code.intValue() + ")";
        }
        log.warn("Connector {}: {} failed: {}", instance.id(), operation, reason);
        return new Unavailable(reason);
    }

    private static Optional<SSLException> tlsFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return Optional.of(tls);
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private Unavailable unexpected(String operation, RuntimeException e) {
        String reason = "unexpected " + e.getClass().getSimpleName() + " in the LDAP connector";
        log.error("Connector {}: {} failed: {}", instance.id(), operation, reason);
        return new Unavailable(reason);
    }

    @Override
    public void close() {
        listings.close();
        pool.close();
    }
}
