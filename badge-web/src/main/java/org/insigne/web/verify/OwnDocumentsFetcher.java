package org.insigne.web.verify;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.HostedAssertion;
import org.insigne.issuer.award.HostedDocuments;
import org.insigne.issuer.award.HostedUrls;
import org.insigne.issuer.award.IssuedForms;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.key.SigningKeyId;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The fetcher of every verification the application makes: the documents this platform publishes (what
 * {@code HostedDocumentController} and {@code IssuedFormsController} serve: OB 2.0 assertions, badge classes,
 * issuers, keys, revocation lists; OB 3.0 issuers, keys, DID documents, achievements, credentials, revocation and
 * Bitstring Status Lists) are answered from the database by the same service calls, everything else goes to
 * the bounded HTTP fetcher. A server on plain HTTP or on a loopback address, the development default, could
 * not fetch its own documents otherwise (loopback addresses are refused), and a badge issued here would not
 * verify here.
 *
 * <p>Only URLs under this platform's own public base are served so: {@code insigne.base-url} when set; else
 * the address of the request that asked for the verification (captured by {@link #bound}), and this server's
 * own port on a loopback host, which is where a development server is reached and which no one else can serve.
 * The same path on any other host is fetched over HTTP like any remote document.
 */
final class OwnDocumentsFetcher implements DocumentFetcher {

    private static final String UUID_RE = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";
    private static final String JSON_LD = "application/ld+json";

    /** One kind of document: its path under the base, and how the controllers make it. */
    private record Route(Pattern path, String contentType, Maker maker) {
    }

    @FunctionalInterface
    private interface Maker {
        Optional<byte[]> make(Matcher path, HostedUrls urls, URI requested) throws FetchFailed;
    }

    /** The base of the request that launched the verification running on this thread, if any. */
    private static final ThreadLocal<@Nullable String> REQUEST_BASE = new ThreadLocal<>();

    private final DocumentFetcher network;
    private final Links links;
    private final Environment environment;
    private final List<Route> routes = new ArrayList<>();

    OwnDocumentsFetcher(AwardService awards, HostedDocuments documents, IssuedForms forms, Links links,
                        Environment environment, DocumentFetcher network) {
        this.network = network;
        this.links = links;
        this.environment = environment;
        route("/ob2/assertions/" + UUID_RE, JSON_LD, (m, urls, uri) -> {
            Optional<HostedAssertion> assertion = awards.hostedAssertion(new AwardId(uuid(m, 1)), urls);
            if (assertion.isPresent() && assertion.get().revoked()) {
                // As served: 410 Gone with {"revoked": true, ...} (ob_v2p0 "Hosted verification").
                throw new FetchFailed(uri, FetchFailed.Reason.HTTP_STATUS, 410, uri.toString())
                        .withBody(assertion.get().json());
            }
            return assertion.map(HostedAssertion::json);
        });
        route("/ob2/assertions/" + UUID_RE + "/signed", "text/plain", (m, urls, uri) ->
                ascii(forms.ob2Signed(new AwardId(uuid(m, 1)), urls)));
        route("/ob2/badge-classes/" + UUID_RE, JSON_LD, (m, urls, uri) ->
                documents.ob2BadgeClass(new BadgeClassId(uuid(m, 1)), urls));
        route("/ob2/issuers/" + UUID_RE, JSON_LD, (m, urls, uri) ->
                documents.ob2Issuer(new OrganisationId(uuid(m, 1)), urls));
        route("/ob2/issuers/" + UUID_RE + "/revocations", JSON_LD, (m, urls, uri) ->
                awards.revocationList(new OrganisationId(uuid(m, 1)), urls));
        route("/ob2/keys/" + UUID_RE, JSON_LD, (m, urls, uri) ->
                documents.ob2Key(new SigningKeyId(uuid(m, 1)), urls));
        route("/ob3/issuers/" + UUID_RE, JSON_LD, (m, urls, uri) ->
                documents.ob3Issuer(new OrganisationId(uuid(m, 1)), urls));
        route("/ob3/issuers/" + UUID_RE + "/revocations", JSON_LD, (m, urls, uri) ->
                awards.credentialRevocationList(new OrganisationId(uuid(m, 1)), urls));
        route("/ob3/issuers/" + UUID_RE + "/keys/" + UUID_RE, JSON_LD, (m, urls, uri) ->
                documents.ob3Key(new OrganisationId(uuid(m, 1)), new SigningKeyId(uuid(m, 2)), urls));
        route("/ob3/issuers/" + UUID_RE + "/status/([0-9]{1,9})", JSON_LD, (m, urls, uri) ->
                forms.statusList(new OrganisationId(uuid(m, 1)), Integer.parseInt(m.group(2)), urls));
        route("/ob3/issuers/" + UUID_RE + "/did.json", "application/did+ld+json", (m, urls, uri) ->
                forms.didDocument(new OrganisationId(uuid(m, 1)), urls));
        route("/ob3/achievements/" + UUID_RE, JSON_LD, (m, urls, uri) ->
                forms.achievement(new BadgeClassId(uuid(m, 1)), urls));
        route("/ob3/credentials/" + UUID_RE, JSON_LD, (m, urls, uri) -> awards.credential(new AwardId(uuid(m, 1))));
        route("/ob3/credentials/" + UUID_RE + "/jwt", "application/vc+jwt", (m, urls, uri) ->
                ascii(forms.ob3Jwt(new AwardId(uuid(m, 1)), urls)));
    }

    /**
     * {@code task} as it must run on another thread: with the public base of the request being served on this
     * one (when there is one), so that documents under the address the user sees count as this platform's.
     */
    <T> Supplier<T> bound(Supplier<T> task) {
        String base = links.base().orElse(null);
        return () -> {
            String previous = REQUEST_BASE.get();
            REQUEST_BASE.set(base);
            try {
                return task.get();
            } finally {
                if (previous == null) {
                    REQUEST_BASE.remove();
                } else {
                    REQUEST_BASE.set(previous);
                }
            }
        };
    }

    @Override
    public FetchedDocument fetch(URI uri, Expect expect) throws FetchFailed {
        if (expect != Expect.IMAGE) {
            Optional<String> base = ownBase(uri);
            if (base.isPresent()) {
                String path = uri.getRawPath().substring(URI.create(base.get()).getRawPath().length());
                for (Route route : routes) {
                    Matcher matcher = route.path().matcher(path);
                    if (matcher.matches()) {
                        byte[] body = route.maker().make(matcher, new HostedUrls(base.get()), uri)
                                .orElseThrow(() -> new FetchFailed(uri, FetchFailed.Reason.HTTP_STATUS, 404,
                                        uri.toString()));
                        return new FetchedDocument(uri, uri, route.contentType(), body);
                    }
                }
            }
        }
        return network.fetch(uri, expect);
    }

    /** The base {@code uri} lies under when it is one of this platform's, as a {@link HostedUrls} base. */
    private Optional<String> ownBase(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")
                || uri.getRawPath() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        List<String> bases = new ArrayList<>();
        if (links.baseConfigured()) {
            links.base().ifPresent(bases::add);
        } else {
            String requested = REQUEST_BASE.get();
            if (requested == null) {
                requested = links.base().orElse(null);
            }
            if (requested != null) {
                bases.add(requested);
            }
            loopbackBase(uri).ifPresent(bases::add);
        }
        for (String base : bases) {
            URI own;
            try {
                own = URI.create(base);
            } catch (IllegalArgumentException unusable) {
                continue;
            }
            String ownPath = own.getRawPath() == null ? "" : own.getRawPath();
            if (own.getScheme() != null && own.getHost() != null
                    && own.getScheme().equalsIgnoreCase(uri.getScheme())
                    && own.getHost().equalsIgnoreCase(uri.getHost())
                    && port(own) == port(uri)
                    && uri.getRawPath().startsWith(ownPath + "/")) {
                return Optional.of(base);
            }
        }
        return Optional.empty();
    }

    /** {@code uri}'s own origin when it names a loopback address at the port this server listens on. */
    private Optional<String> loopbackBase(URI uri) {
        Integer serverPort = environment.getProperty("local.server.port", Integer.class);
        if (serverPort == null || port(uri) != serverPort || !isLoopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
    }

    private static boolean isLoopback(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Literal addresses only: a name is not resolved here (that is the HTTP fetcher's business).
        if (!name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException unreadable) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private void route(String path, String contentType, Maker maker) {
        routes.add(new Route(Pattern.compile(path), contentType, maker));
    }

    private static UUID uuid(Matcher path, int group) {
        return UUID.fromString(path.group(group));
    }

    private static Optional<byte[]> ascii(Optional<String> text) {
        return text.map(t -> t.getBytes(StandardCharsets.US_ASCII));
    }
}
