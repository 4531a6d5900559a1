package org.insigne.core.fetch;

import java.net.URI;

/**
 * Retrieves remote documents for verification. The network implementation is bounded (size, time,
 * redirects, addresses); {@link OfflineDocumentFetcher} serves a fixed map so that verification can run
 * with no network at all.
 */
public interface DocumentFetcher {

    /** What the caller expects back; decides the Accept header and the content types accepted. */
    enum Expect { JSON, IMAGE, ANY }

    FetchedDocument fetch(URI uri, Expect expect) throws FetchFailed;
}
