package org.insigne.core.fetch;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/** Serves documents from a fixed map of URL to document; any other URL is {@link FetchFailed.Reason#NOT_FOUND}. */
public final class OfflineDocumentFetcher implements DocumentFetcher {

    private final Map<URI, FetchedDocument> documents;

    public OfflineDocumentFetcher(Map<URI, FetchedDocument> documents) {
        this.documents = Map.copyOf(documents);
    }

    public static FetchedDocument json(URI uri, String body) {
        return new FetchedDocument(uri, uri, "application/ld+json",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public FetchedDocument fetch(URI uri, Expect expect) throws FetchFailed {
        Objects.requireNonNull(uri, "uri");
        FetchedDocument document = documents.get(uri);
        if (document == null) {
            throw new FetchFailed(uri, FetchFailed.Reason.NOT_FOUND);
        }
        return document;
    }
}
