package dev.signet.connector;

/**
 * A connector that can list every user of the legacy system, a page at a time, for bulk migration.
 *
 * <pre>{@code
 * PageRequest request = PageRequest.first(500);
 * while (true) {
 *     if (!(connector.list(request) instanceof Page page)) break; // Unavailable: retry later from request
 *     page.identities().forEach(importer::accept);
 *     if (page.next().isEmpty()) break;
 *     request = page.next().get();
 * }
 * }</pre>
 */
public interface ListingConnector extends Connector {

    /**
     * One page of users in a stable order, starting after the request's cursor. Users added while listing may or may
     * not appear; no user appears twice and none that existed throughout is skipped.
     *
     * @return a {@link Page} of at most {@link PageRequest#size()} identities, or {@link Unavailable}
     */
    ListingOutcome list(PageRequest request);
}
