package org.insigne.web.verify;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeNotFound;
import org.insigne.backpack.badge.PublicBadgeDocument;
import org.insigne.core.baking.Baker;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.endorsement.EndorsementId;
import org.insigne.issuer.endorsement.EndorsementService;
import org.insigne.issuer.endorsement.HostedEndorsement;
import org.insigne.issuer.award.HostedAssertion;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.key.SigningKeyId;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.publishing.HostedDocuments;
import org.insigne.issuer.publishing.HostedUrls.Match;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.IssuedForms;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The fetcher of every verification the application makes: the documents this platform publishes (what
 * {@code HostedDocumentController} and {@code IssuedFormsController} serve: OB 2.0 assertions, badge classes,
 * issuers, keys, revocation lists; OB 3.0 issuers, keys, DID documents, achievements, credentials, revocation and
 * Bitstring Status Lists; backpack share links and the badge behind them) are answered from the database by
 * the same service calls, everything else goes to
 * the bounded HTTP fetcher. A server on plain HTTP or on a loopback address, the development default, could
 * not fetch its own documents otherwise (loopback addresses are refused), and a badge issued here would not
 * verify here.
 *
 * <p>Only URLs under this platform's own public base are served so: {@code insigne.base-url} when set; else
 * the address of the request that asked for the verification (given to {@link #at}), and this server's
 * own port on a loopback host, which is where a development server is reached and which no one else can serve.
 * The same path on any other host is fetched over HTTP like any remote document.
 */
final class OwnDocumentsFetcher implements DocumentFetcher {

    private static final String JSON_LD = "application/ld+json";

    /** Share links that lead to another share link, at most: a badge imported from someone's public page. */
    private static final int MAX_PUBLIC_HOPS = 3;

    private final AwardService awards;
    private final EndorsementService endorsements;
    private final HostedDocuments documents;
    private final IssuedForms forms;
    private final BackpackService backpack;
    private final Baker baker;
    private final DocumentFetcher network;
    private final Links links;
    private final Environment environment;
    /** The base of the request that asked for the verification, if any; ignored under a configured base. */
    private final @Nullable String requestBase;

    OwnDocumentsFetcher(AwardService awards, HostedDocuments documents, IssuedForms forms, BackpackService backpack,
                        EndorsementService endorsements, Baker baker, Links links, Environment environment,
                        DocumentFetcher network) {
        this(awards, documents, forms, backpack, endorsements, baker, links, environment, network, null);
    }

    private OwnDocumentsFetcher(AwardService awards, HostedDocuments documents, IssuedForms forms,
                                BackpackService backpack, EndorsementService endorsements, Baker baker, Links links,
                                Environment environment, DocumentFetcher network, @Nullable String requestBase) {
        this.endorsements = endorsements;
        this.awards = awards;
        this.documents = documents;
        this.forms = forms;
        this.backpack = backpack;
        this.baker = baker;
        this.links = links;
        this.environment = environment;
        this.network = network;
        this.requestBase = requestBase;
    }

    /**
     * This fetcher for a verification asked by a request that came to {@code requestBase} (its public base, as
     * {@link Links#base()} gave it on the request's thread): documents under that address count as this
     * platform's too, whichever thread the verification then runs on; {@code others} fetches what is not
     * this platform's.
     */
    OwnDocumentsFetcher at(@Nullable String requestBase, DocumentFetcher others) {
        return new OwnDocumentsFetcher(awards, documents, forms, backpack, endorsements, baker, links, environment,
                others, requestBase);
    }

    @Override
    public FetchedDocument fetch(URI uri, Expect expect) throws FetchFailed {
        return fetch(uri, expect, 0);
    }

    private FetchedDocument fetch(URI uri, Expect expect, int publicHops) throws FetchFailed {
        if (expect != Expect.IMAGE) {
            Optional<String> base = ownBase(uri);
            Optional<Match> match = base.flatMap(b -> HostedUrls.parse(
                    uri.getRawPath().substring(URI.create(b).getRawPath().length())));
            if (match.isPresent() && isPublicBadge(match.get())) {
                return publicBadge(match.get().publicId(), uri, expect, publicHops);
            }
            if (match.isPresent()) {
                Optional<FetchedDocument> own = read(match.get(), new HostedUrls(base.get()), uri);
                if (own.isPresent()) {
                    return own.get();
                }
            }
        }
        return network.fetch(uri, expect);
    }

    private static boolean isPublicBadge(Match match) {
        return match.document() == HostedUrls.Document.PUBLIC_BADGE
                || match.document() == HostedUrls.Document.PUBLIC_BADGE_DOCUMENT;
    }

    /**
     * A backpack's share link, or the machine-readable badge its page advertises: the badge the page shows, as
     * its owner imported it; one imported by its address is read from there, like the redirection
     * {@code PublicBadgeController} answers. Not found once the owner made the badge private.
     */
    private FetchedDocument publicBadge(String publicId, URI uri, Expect expect, int hops) throws FetchFailed {
        PublicBadgeDocument document;
        try {
            document = backpack.publicDocument(publicId, baker);
        } catch (BadgeNotFound notShared) {
            throw new FetchFailed(uri, FetchFailed.Reason.HTTP_STATUS, 404, uri.toString());
        }
        if (document instanceof PublicBadgeDocument.Text text) {
            return new FetchedDocument(uri, uri, text.mediaType(), text.text().getBytes(StandardCharsets.UTF_8));
        }
        if (hops >= MAX_PUBLIC_HOPS) {
            throw new FetchFailed(uri, FetchFailed.Reason.TOO_MANY_REDIRECTS, uri.toString(), MAX_PUBLIC_HOPS);
        }
        URI elsewhere = ((PublicBadgeDocument.Elsewhere) document).url();
        FetchedDocument fetched = fetch(elsewhere, expect, hops + 1);
        // As a redirection: asked at the share link, served from the issuer's address.
        return new FetchedDocument(uri, fetched.finalUri(), fetched.contentType(), fetched.body());
    }

    /**
     * The document as its controller serves it (404 when there is none); empty for what this reader does not
     * serve (images), which goes to the network like any other address.
     */
    private Optional<FetchedDocument> read(Match match, HostedUrls urls, URI uri) throws FetchFailed {
        String contentType = JSON_LD;
        Optional<byte[]> body = switch (match.document()) {
            case OB2_ASSERTION -> {
                Optional<HostedAssertion> assertion = awards.hostedAssertion(new AwardId(match.id()), urls);
                if (assertion.isPresent() && assertion.get().revoked()) {
                    // As served: 410 Gone with {"revoked": true, ...} (ob_v2p0 "Hosted verification").
                    throw new FetchFailed(uri, FetchFailed.Reason.HTTP_STATUS, 410, uri.toString())
                            .withBody(assertion.get().json());
                }
                yield assertion.map(HostedAssertion::json);
            }
            case OB2_SIGNED -> {
                contentType = "text/plain";
                yield ascii(forms.ob2Signed(match.id(), urls));
            }
            case OB2_BADGE_CLASS -> documents.ob2BadgeClass(new BadgeClassId(match.id()), urls);
            case OB2_ISSUER -> documents.ob2Issuer(new OrganisationId(match.id()), urls);
            case OB2_REVOCATIONS -> awards.revocationList(new OrganisationId(match.id()), urls);
            case OB2_KEY -> documents.ob2Key(new SigningKeyId(match.id()), urls);
            case OB3_ISSUER -> documents.ob3Issuer(new OrganisationId(match.id()), urls);
            case OB3_REVOCATIONS -> awards.credentialRevocationList(new OrganisationId(match.id()), urls);
            case OB3_KEY -> documents.ob3Key(new OrganisationId(match.id()), new SigningKeyId(match.key()), urls);
            case OB3_STATUS_LIST -> forms.statusList(new OrganisationId(match.id()), match.list(), urls);
            case OB3_DID_DOCUMENT -> {
                contentType = "application/did+ld+json";
                yield forms.didDocument(new OrganisationId(match.id()), urls);
            }
            case OB3_ACHIEVEMENT -> forms.achievement(new BadgeClassId(match.id()), urls);
            case OB3_CREDENTIAL -> awards.credential(new AwardId(match.id()));
            case OB3_JWT -> {
                contentType = "application/vc+jwt";
                yield ascii(forms.ob3Jwt(match.id(), urls));
            }
            case OB2_ENDORSEMENT -> {
                Optional<HostedEndorsement> endorsement = endorsements.ob2(new EndorsementId(match.id()), urls);
                if (endorsement.isPresent() && endorsement.get().withdrawn()) {
                    // As served: 410 Gone with {"revoked": true}, like a revoked assertion.
                    throw new FetchFailed(uri, FetchFailed.Reason.HTTP_STATUS, 410, uri.toString())
                            .withBody(endorsement.get().document());
                }
                yield endorsement.map(HostedEndorsement::document);
            }
            case OB3_ENDORSEMENT -> endorsements.ob3(new EndorsementId(match.id()));
            // Recognition lists are read from the database by the recognition check, not through badges' links.
            case OB2_BAKED, OB3_BAKED, ORGANISATION_LOGO, BADGE_IMAGE, PUBLIC_BADGE, PUBLIC_BADGE_DOCUMENT,
                 OB3_RECOGNITION_LIST, RECOGNITION_REGISTRY -> null;
        };
        if (body == null) {
            return Optional.empty();
        }
        byte[] bytes = body.orElseThrow(() -> new FetchFailed(uri, FetchFailed.Reason.HTTP_STATUS, 404, uri.toString()));
        return Optional.of(new FetchedDocument(uri, uri, contentType, bytes));
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
            String requested = requestBase != null ? requestBase : links.base().orElse(null);
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

    private static Optional<byte[]> ascii(Optional<String> text) {
        return text.map(t -> t.getBytes(StandardCharsets.US_ASCII));
    }
}
