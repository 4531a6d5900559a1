package org.insigne.core.verification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.signing.CompactJws;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Verifier} found an input to be, as it hands it to the verifier of its specification: the one
 * place where text is told apart as JSON, a compact JWS/JWT or an address, so that no spec verifier guesses
 * again. {@link Source} says where the text came from, which some checks report (the address a document was
 * fetched from) or use (the SVG {@code verify} attribute of a baked hosted assertion).
 */
public sealed interface Payload {

    /** How the text reached the verifier. */
    sealed interface Source {
    }

    /** Pasted or uploaded as a text file. */
    record Given() implements Source {
    }

    /** Unbaked from an image; {@code verifyAttribute} is the SVG {@code verify} attribute, if any. */
    record Baked(@Nullable String verifyAttribute) implements Source {
    }

    /** The body of the document fetched from the address the user gave. */
    record Fetched(FetchedDocument document) implements Source {
        public Fetched {
            Objects.requireNonNull(document, "document");
        }
    }

    /** JSON text (an object, or something that starts like JSON and must be reported as unreadable). */
    record Json(String text, Source source) implements Payload {
        public Json {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(source, "source");
        }
    }

    /** A compact JWS or JWT: header, payload and signature in base64url, separated by dots. */
    record CompactToken(String text, Source source) implements Payload {
        public CompactToken {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * The http(s) address of a document the spec verifier fetches itself: a hosted assertion whose host
     * answered 410 Gone, or the URL a legacy image baked instead of the assertion.
     */
    record Address(URI url) implements Payload {
        public Address {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Text that is none of the above (possibly empty); the spec verifier says why it cannot read it. */
    record Unrecognised(String text) implements Payload {
        public Unrecognised {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Tells apart already stripped text: JSON when it starts with a brace or bracket, then a compact JWS/JWT,
     * then an http(s) address with a host, else unrecognised.
     */
    static Payload of(String text, Source source) {
        if (text.startsWith("{") || text.startsWith("[")) {
            return new Json(text, source);
        }
        if (CompactJws.looksCompact(text)) {
            return new CompactToken(text, source);
        }
        URI url = httpUrl(text);
        return url != null ? new Address(url) : new Unrecognised(text);
    }

    /** The text as an http(s) address with a host and no white space, or null. */
    static @Nullable URI httpUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://"))
                || text.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        try {
            URI url = new URI(text);
            return url.getHost() == null ? null : url;
        } catch (URISyntaxException bad) {
            return null;
        }
    }
}
