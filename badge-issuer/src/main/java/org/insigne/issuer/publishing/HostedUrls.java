package org.insigne.issuer.publishing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route table of the public documents: where each lives under the platform's public base address
 * ({@code https://badges.example.org}). The ids written in a badge are these URLs, so they must be the addresses
 * verifiers can reach and must never change. The path templates are what the controllers map; the instance
 * methods build the URLs written into documents and links; {@link #parse} tells which document a path names,
 * for the reader that serves this platform's own documents without a network round trip.
 */
public record HostedUrls(String base) {

    public static final String OB2_ASSERTION = "/ob2/assertions/{id}";
    public static final String OB2_SIGNED = OB2_ASSERTION + "/signed";
    public static final String OB2_BAKED = OB2_ASSERTION + "/baked.{extension}";
    public static final String OB2_BADGE_CLASS = "/ob2/badge-classes/{id}";
    public static final String OB2_ISSUER = "/ob2/issuers/{id}";
    public static final String OB2_REVOCATIONS = OB2_ISSUER + "/revocations";
    public static final String OB2_KEY = "/ob2/keys/{id}";
    public static final String OB3_ISSUER = "/ob3/issuers/{id}";
    public static final String OB3_REVOCATIONS = OB3_ISSUER + "/revocations";
    public static final String OB3_KEY = OB3_ISSUER + "/keys/{key}";
    public static final String OB3_STATUS_LIST = OB3_ISSUER + "/status/{list}";
    public static final String OB3_DID_DOCUMENT = OB3_ISSUER + "/did.json";
    /** A network's signed list of the organisations it recognises (its issuer id is the network's). */
    public static final String OB3_RECOGNITION_LIST = OB3_ISSUER + "/recognition";
    /** The same list as plain JSON in the DCC registry format. */
    public static final String RECOGNITION_REGISTRY = OB3_ISSUER + "/registry.json";
    public static final String OB3_ACHIEVEMENT = "/ob3/achievements/{id}";
    public static final String OB3_CREDENTIAL = "/ob3/credentials/{id}";
    public static final String OB3_JWT = OB3_CREDENTIAL + "/jwt";
    public static final String OB3_BAKED = OB3_CREDENTIAL + "/baked.{extension}";
    public static final String OB2_ENDORSEMENT = "/ob2/endorsements/{id}";
    public static final String OB3_ENDORSEMENT = "/ob3/endorsements/{id}";
    public static final String ORGANISATION_LOGO = "/organisations/{id}/logo";
    public static final String BADGE_IMAGE = "/badge-classes/{id}/image";
    /** A backpack badge its owner made public: the share link, whose page names its machine-readable badge. */
    public static final String PUBLIC_BADGE = "/p/badges/{public}";
    /** That badge as a machine reads it: the document its owner imported (or where its issuer hosts it). */
    public static final String PUBLIC_BADGE_DOCUMENT = PUBLIC_BADGE + "/badge";

    /** A variable of a path template; an enum's constructor cannot read the enum's own static fields. */
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z]+)}");

    /** The paths alone, for links within this application. */
    public static final HostedUrls PATHS = new HostedUrls("");

    /** Every document the table knows, by its path template. */
    public enum Document {
        OB2_ASSERTION(HostedUrls.OB2_ASSERTION), OB2_SIGNED(HostedUrls.OB2_SIGNED), OB2_BAKED(HostedUrls.OB2_BAKED),
        OB2_BADGE_CLASS(HostedUrls.OB2_BADGE_CLASS), OB2_ISSUER(HostedUrls.OB2_ISSUER),
        OB2_REVOCATIONS(HostedUrls.OB2_REVOCATIONS), OB2_KEY(HostedUrls.OB2_KEY), OB3_ISSUER(HostedUrls.OB3_ISSUER),
        OB3_REVOCATIONS(HostedUrls.OB3_REVOCATIONS), OB3_KEY(HostedUrls.OB3_KEY),
        OB3_STATUS_LIST(HostedUrls.OB3_STATUS_LIST), OB3_DID_DOCUMENT(HostedUrls.OB3_DID_DOCUMENT),
        OB3_ACHIEVEMENT(HostedUrls.OB3_ACHIEVEMENT), OB3_CREDENTIAL(HostedUrls.OB3_CREDENTIAL),
        OB3_JWT(HostedUrls.OB3_JWT), OB3_BAKED(HostedUrls.OB3_BAKED), ORGANISATION_LOGO(HostedUrls.ORGANISATION_LOGO),
        BADGE_IMAGE(HostedUrls.BADGE_IMAGE), PUBLIC_BADGE(HostedUrls.PUBLIC_BADGE),
        PUBLIC_BADGE_DOCUMENT(HostedUrls.PUBLIC_BADGE_DOCUMENT), OB2_ENDORSEMENT(HostedUrls.OB2_ENDORSEMENT),
        OB3_ENDORSEMENT(HostedUrls.OB3_ENDORSEMENT), OB3_RECOGNITION_LIST(HostedUrls.OB3_RECOGNITION_LIST),
        RECOGNITION_REGISTRY(HostedUrls.RECOGNITION_REGISTRY);

        private static final String UUID_RE = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";

        private final String template;
        private final Pattern pattern;
        private final List<String> variables;
        /** The text around the variables: one more piece than there are variables. */
        private final List<String> literals;

        Document(String template) {
            this.template = template;
            List<String> names = new ArrayList<>();
            List<String> pieces = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            Matcher m = VARIABLE.matcher(template);
            int from = 0;
            while (m.find()) {
                pieces.add(template.substring(from, m.start()));
                regex.append(Pattern.quote(template.substring(from, m.start())));
                names.add(m.group(1));
                regex.append(switch (m.group(1)) {
                    case "id", "key" -> UUID_RE;
                    case "list" -> "([0-9]{1,9})";
                    case "extension" -> "([A-Za-z]{1,8})";
                    // A backpack's public id: 32 random bytes in base64url without padding.
                    case "public" -> "([A-Za-z0-9_-]{43})";
                    default -> throw new IllegalStateException("no syntax for {" + m.group(1) + "}");
                });
                from = m.end();
            }
            pieces.add(template.substring(from));
            regex.append(Pattern.quote(template.substring(from)));
            this.literals = List.copyOf(pieces);
            this.pattern = Pattern.compile(regex.toString());
            this.variables = List.copyOf(names);
        }

        public String template() {
            return template;
        }

        /** The template with its variables replaced, in order, by {@code values}. */
        String fill(Object... values) {
            if (values.length != variables.size()) {
                throw new IllegalArgumentException(template + " takes " + variables.size() + " values");
            }
            // Public badge pages build several of these per view: plain concatenation, no matcher.
            StringBuilder path = new StringBuilder(template.length() + 40).append(literals.get(0));
            for (int i = 0; i < values.length; i++) {
                path.append(values[i]).append(literals.get(i + 1));
            }
            return path.toString();
        }
    }

    /** A path of the table with the values of its variables: which document, of which organisation, award… */
    public record Match(Document document, Map<String, String> values) {

        public Match {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The {@code {id}} of the path: an award, badge class, organisation or key, depending on the document. */
        public UUID id() {
            return UUID.fromString(value("id"));
        }

        /** The {@code {key}} of an OB 3.0 key path. */
        public UUID key() {
            return UUID.fromString(value("key"));
        }

        /** The {@code {public}} id of a backpack badge's share link. */
        public String publicId() {
            return value("public");
        }

        /** The {@code {list}} number of a status list path. */
        public int list() {
            return Integer.parseInt(value("list"));
        }

        private String value(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException(document.template() + " has no {" + name + "}");
            }
            return value;
        }
    }

    public HostedUrls {
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        base = base.substring(0, end);
    }

    /**
     * The document {@code path} (the raw path after the base, starting with {@code /}) names, when it is one of
     * the table's: ids are UUIDs, list numbers at most nine digits, exactly as the controllers accept them.
     */
    public static Optional<Match> parse(String path) {
        for (Document document : Document.values()) {
            Matcher m = document.pattern.matcher(path);
            if (m.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < document.variables.size(); i++) {
                    values.put(document.variables.get(i), m.group(i + 1));
                }
                return Optional.of(new Match(document, values));
            }
        }
        return Optional.empty();
    }

    /** The URL of {@code document} with its variables replaced, in order, by {@code values}. */
    public String url(Document document, Object... values) {
        return base + document.fill(values);
    }

    /** The hosted OB 2.0 assertion (HostedBadge: its id is this URL), and the badge's public page. */
    public String ob2Assertion(UUID award) {
        return url(Document.OB2_ASSERTION, award);
    }

    /** The OB 2.0 BadgeClass an assertion names in {@code badge}. */
    public String ob2BadgeClass(UUID badgeClass) {
        return url(Document.OB2_BADGE_CLASS, badgeClass);
    }

    /** The OB 2.0 issuer Profile, which lists the keys and the revocation list. */
    public String ob2Issuer(UUID organisation) {
        return url(Document.OB2_ISSUER, organisation);
    }

    /** The OB 2.0 RevocationList of an organisation. */
    public String ob2Revocations(UUID organisation) {
        return url(Document.OB2_REVOCATIONS, organisation);
    }

    /** An RSA CryptographicKey, the {@code creator} of signed OB 2.0 assertions. */
    public String ob2Key(UUID key) {
        return url(Document.OB2_KEY, key);
    }

    /** The OB 3.0 issuer Profile with its Multikey verification methods; the issuer id behind HTTPS. */
    public String ob3Issuer(UUID organisation) {
        return url(Document.OB3_ISSUER, organisation);
    }

    /** A Multikey document: the verification method of proofs behind HTTPS. */
    public String ob3Key(UUID organisation, UUID key) {
        return url(Document.OB3_KEY, organisation, key);
    }

    /** The 1EdTech revocation list, which credentials issued before status lists name. */
    public String ob3Revocations(UUID organisation) {
        return url(Document.OB3_REVOCATIONS, organisation);
    }

    /**
     * The Bitstring Status List credential number {@code list} of an organisation (vc-bitstring-status-list
     * §2.2); each list holds {@link StatusLists#LIST_SIZE} bits.
     */
    public String ob3StatusList(UUID organisation, int list) {
        return url(Document.OB3_STATUS_LIST, organisation, list);
    }

    /** A network's recognition list, which is also that credential's {@code id}. */
    public String ob3RecognitionList(UUID network) {
        return url(Document.OB3_RECOGNITION_LIST, network);
    }

    public String recognitionRegistry(UUID network) {
        return url(Document.RECOGNITION_REGISTRY, network);
    }

    /** Where the organisation's DID document is served, as did:web resolves its DID (DID Web Method §3.2). */
    public String ob3DidDocument(UUID organisation) {
        return url(Document.OB3_DID_DOCUMENT, organisation);
    }

    /**
     * The organisation's {@code did:web}: {@code did:web:<host>[%3A<port>]:ob3:issuers:<uuid>}, which resolves
     * to {@link #ob3DidDocument(UUID)} (over HTTPS only, as the method requires).
     */
    public String didWeb(UUID organisation) {
        URI uri = URI.create(base);
        String host = uri.getHost() + (uri.getPort() >= 0 ? "%3A" + uri.getPort() : "");
        StringBuilder did = new StringBuilder("did:web:").append(host);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        // The method's path is the DID document's directory, segment by segment (DID Web Method §3.2 "Read").
        String document = path + Document.OB3_DID_DOCUMENT.fill(organisation);
        for (String segment : document.substring(0, document.lastIndexOf('/')).split("/")) {
            if (!segment.isEmpty()) {
                did.append(':').append(segment);
            }
        }
        return did.toString();
    }

    /** The OB 3.0 credential as signed (its id), and the badge's public page. */
    public String ob3Credential(UUID award) {
        return url(Document.OB3_CREDENTIAL, award);
    }

    /** The OB 2.0 assertion as a compact JWS signed with the organisation's key (a signed badge). */
    public String ob2Signed(UUID award) {
        return url(Document.OB2_SIGNED, award);
    }

    /** The OB 3.0 credential as a VC-JWT signed with the organisation's Ed25519 key. */
    public String ob3Jwt(UUID award) {
        return url(Document.OB3_JWT, award);
    }

    /** The badge image with the OB 2.0 assertion baked in; {@code extension} is {@code png} or {@code svg}. */
    public String ob2Baked(UUID award, String extension) {
        return url(Document.OB2_BAKED, award, extension);
    }

    /** The badge image with the OB 3.0 credential baked in; {@code extension} is {@code png} or {@code svg}. */
    public String ob3Baked(UUID award, String extension) {
        return url(Document.OB3_BAKED, award, extension);
    }

    /** The Achievement credentials embed, as a document of its own at its id. */
    public String ob3Achievement(UUID badgeClass) {
        return url(Document.OB3_ACHIEVEMENT, badgeClass);
    }

    /** The hosted OB 2.0 Endorsement; after withdrawal it answers 410 with {@code revoked: true}. */
    public String ob2Endorsement(UUID endorsement) {
        return url(Document.OB2_ENDORSEMENT, endorsement);
    }

    /** The OB 3.0 EndorsementCredential as signed (its id). */
    public String ob3Endorsement(UUID endorsement) {
        return url(Document.OB3_ENDORSEMENT, endorsement);
    }

    /** The organisation's logo, the OB 2.0 issuer's {@code image}. */
    public String organisationLogo(UUID organisation) {
        return url(Document.ORGANISATION_LOGO, organisation);
    }

    /** The machine-readable badge behind a backpack's share link, which its page advertises. */
    public String publicBadgeDocument(String publicId) {
        return url(Document.PUBLIC_BADGE_DOCUMENT, publicId);
    }

    /** The badge class image, which badges name and baked forms carry. */
    public String badgeImage(UUID badgeClass) {
        return url(Document.BADGE_IMAGE, badgeClass);
    }

    /**
     * The core's key resolver fetches key documents over HTTPS only. Behind HTTPS the OB 3.0 issuer is its URL
     * with Multikey documents; on a plain-HTTP address (development, tests) it falls back to {@code did:key},
     * which verifies without any fetch.
     */
    public boolean servesHttps() {
        return base.startsWith("https://");
    }

    /** The OB 3.0 issuer id: its Profile's URL behind HTTPS, else the {@code did:key} of its signing key. */
    public String ob3IssuerId(UUID organisation, String ed25519Multibase) {
        return servesHttps() ? ob3Issuer(organisation) : "did:key:" + ed25519Multibase;
    }

    /**
     * The verification method a proof or a VC-JWT {@code kid} names: the Multikey document URL behind HTTPS,
     * else the {@code did:key} method, which the core resolves without fetching.
     */
    public String verificationMethod(UUID organisation, UUID key, String ed25519Multibase) {
        return servesHttps() ? ob3Key(organisation, key) : "did:key:" + ed25519Multibase + "#" + ed25519Multibase;
    }
}
