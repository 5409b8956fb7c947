package dev.signet.connector.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.Page;
import dev.signet.connector.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listings in progress, read with the simple paged results control (RFC 2696). A directory ties a paged search's
 * cookie to the connection it began on (OpenLDAP and Active Directory do), so each listing keeps one connection of
 * the pool from its first page to its last; the cursor names the listing and the page expected next. A listing left
 * idle for {@link #IDLE_LIMIT} gives its connection back, and its cursor no longer works: the listing starts again.
 */
final class PagedListings implements AutoCloseable {

    /** How long a listing may wait between pages before its connection is given back. */
    static final Duration IDLE_LIMIT = Duration.ofMinutes(5);

    private final LDAPConnectionPool pool;
    private final LdapSettings settings;
    private final EntryMapping mapping;
    private final Clock clock;
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();

    PagedListings(LDAPConnectionPool pool, LdapSettings settings, EntryMapping mapping, Clock clock) {
        this.pool = pool;
        this.settings = settings;
        this.mapping = mapping;
        this.clock = clock;
    }

    /** What went wrong with a listing, for the connector to turn into an outcome. */
    static final class ListingException extends Exception {
        ListingException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The page {@code request} asks for, with the number of entries skipped for lack of a subject. */
    record Result(Page page, int skipped) {
    }

    Result page(PageRequest request) throws LDAPException, ListingException {
        giveBackIdleConnections();
        Listing listing;
        if (request.cursor().isEmpty()) {
            listing = new Listing(UUID.randomUUID().toString(), pool.getConnection());
            listings.put(listing.id, listing);
        } else {
            listing = claim(request.cursor().get());
        }
        synchronized (listing) {
            try {
                Result result = listing.next(request.size());
                if (result.page().next().isEmpty()) {
                    finish(listing, null);
                }
                return result;
            } catch (LDAPException e) {
                finish(listing, e);
                throw e;
            } catch (RuntimeException e) {
                finish(listing, new LDAPException(com.unboundid.ldap.sdk.ResultCode.LOCAL_ERROR, e));
                throw e;
            }
        }
    }

    private Listing claim(String cursor) throws ListingException {
        int separator = cursor.lastIndexOf(':');
        Listing listing = separator < 0 ? null : listings.get(cursor.substring(0, separator));
        if (listing == null || !cursor.substring(separator + 1).equals(Long.toString(listing.pagesRead))) {
            throw new ListingException("listing cursor is unknown or expired (listings idle for " + IDLE_LIMIT
                    + " are ended); start the listing again from the first page");
        }
        return listing;
    }

    private void giveBackIdleConnections() {
        Instant limit = clock.instant().minus(IDLE_LIMIT);
        listings.values().stream().filter(listing -> listing.lastUsed.isBefore(limit)).toList()
                .forEach(listing -> finish(listing, null));
    }

    private void finish(Listing listing, LDAPException failure) {
        if (listings.remove(listing.id) == null) {
            return;
        }
        if (failure == null) {
            pool.releaseConnection(listing.connection);
        } else {
            pool.releaseConnectionAfterException(listing.connection, failure);
        }
    }

    @Override
    public void close() {
        listings.values().forEach(listing -> finish(listing, null));
    }

    /** One listing: its connection, and where its paged search has got to. */
    private final class Listing {
        private final String id;
        private final LDAPConnection connection;
        private ASN1OctetString cookie = null;
        private long pagesRead;
        private volatile Instant lastUsed = clock.instant();

        Listing(String id, LDAPConnection connection) {
            this.id = id;
            this.connection = connection;
        }

        Result next(int size) throws LDAPException {
            lastUsed = clock.instant();
            SearchRequest search = new SearchRequest(settings.baseDn(), settings.scope(),
                    Filter.create(settings.userFilter()), settings.attributesToRead());
            search.addControl(new SimplePagedResultsControl(size, cookie, true));
            SearchResult result = connection.search(search);
            List<LegacyIdentity> identities = new ArrayList<>();
            int skipped = 0;
            for (SearchResultEntry entry : result.getSearchEntries()) {
                Optional<LegacyIdentity> identity = mapping.identity(entry);
                if (identity.isPresent()) {
                    identities.add(identity.get());
                } else {
                    skipped++;
                }
            }
            SimplePagedResultsControl paging = SimplePagedResultsControl.get(result);
            pagesRead++;
            lastUsed = clock.instant();
            if (paging == null || !paging.moreResultsToReturn()) {
                return new Result(new Page(identities, Optional.empty()), skipped);
            }
            cookie = paging.getCookie();
            return new Result(new Page(identities, Optional.of(new PageRequest(Optional.of(id + ":" + pagesRead),
                    size))), skipped);
        }
    }
}
