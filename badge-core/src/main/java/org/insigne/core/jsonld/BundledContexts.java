package org.insigne.core.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON-LD contexts Insigne knows, shipped in the jar (see {@code contexts/index.tsv} and the root
 * {@code NOTICE} for their npm sources), each parsed once and served from memory. As a Titanium
 * {@link DocumentLoader} it never touches the network: any other URL fails with
 * {@link JsonLdErrorCode#LOADING_REMOTE_CONTEXT_FAILED}, so a credential cannot make a verifier fetch
 * {@code file:///etc/passwd} or an internal address (HOSTILE F7).
 */
public final class BundledContexts implements DocumentLoader {

    /** Prefix of the error message Titanium carries back, so that callers can name the refused URL. */
    static final String UNKNOWN_PREFIX = "unbundled context: ";

    private static final String BASE = "/org/insigne/core/jsonld/contexts/";

    private static final BundledContexts STANDARD = new BundledContexts(loadIndex());

    private final Map<String, Document> documents;

    private BundledContexts(Map<String, Document> documents) {
        this.documents = Map.copyOf(documents);
    }

    /** The contexts shipped with Insigne, parsed on first use of this class. */
    public static BundledContexts standard() {
        return STANDARD;
    }

    /**
     * A copy that also serves {@code extra} (URL to context JSON). Meant for tests and for documents the
     * operator vets, e.g. the W3C examples context used by the Data Integrity test vectors.
     */
    public BundledContexts with(Map<String, String> extra) {
        Map<String, Document> all = new HashMap<>(documents);
        extra.forEach((url, json) -> all.put(url, parse(url, json)));
        return new BundledContexts(all);
    }

    public boolean contains(String url) {
        return documents.containsKey(url);
    }

    public Set<String> urls() {
        return documents.keySet();
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        Document document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, UNKNOWN_PREFIX + url);
        }
        return document;
    }

    private static Map<String, Document> loadIndex() {
        Map<String, Document> documents = new HashMap<>();
        try (InputStream index = resource("index.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                try (InputStream in = resource(columns[1].strip())) {
                    documents.put(columns[0].strip(),
                            parse(columns[0], new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bundled JSON-LD contexts unreadable", e);
        }
        return documents;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BundledContexts.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IOException("missing bundled resource " + BASE + name);
        }
        return in;
    }

    private static Document parse(String url, String json) {
        try {
            JsonDocument document = JsonDocument.of(new StringReader(json));
            document.setDocumentUrl(URI.create(url));
            return document;
        } catch (JsonLdError e) {
            throw new IllegalStateException("bundled context " + url + " is not JSON", e);
        }
    }

    @Override
    public String toString() {
        return "BundledContexts" + Objects.requireNonNull(documents.keySet());
    }
}
