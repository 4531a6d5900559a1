package org.insigne.core.ob2;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.CompactJws;
import org.insigne.core.signing.JwsRejected;
import org.insigne.core.signing.KeyRejected;
import org.insigne.core.signing.Ob2JwsVerifier;
import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.SpecVerifier;
import org.insigne.core.verification.VerificationReport;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Verifies Open Badges 2.0 documents following ob_v2p0 "Verification" (digest §5) and, where the spec is
 * silent, the 1EdTech reference validator (DCPV): parse, hosted copy, structure, badge class, issuer,
 * hosted scope, signature, expiry, revocation, recipient, endorsements. Every step adds a {@link Check}
 * with a stable id; nothing here throws on bad input. A document that is needed but cannot be reached
 * makes the verdict indeterminate, never valid.
 *
 * <p>Thread-safe; keep one instance: it caches parsed documents and public keys between verifications.
 */
public final class Ob2Verifier implements SpecVerifier {

    public static final String PARSE = "ob2.parse";
    public static final String STRUCTURE = "ob2.structure";
    public static final String CONTEXT = "ob2.context";
    public static final String DOCUMENT_KIND = "ob2.document-kind";
    public static final String BADGE_CLASS = "ob2.badge-class";
    public static final String BADGE_IMAGE = "ob2.badge-image";
    public static final String ISSUER = "ob2.issuer";
    public static final String ISSUER_DETAILS = "ob2.issuer-details";
    public static final String HOSTED_COPY = "ob2.hosted-copy";
    public static final String HOSTED_SCOPE = "ob2.hosted-scope";
    public static final String SIGNATURE = "ob2.signature";
    public static final String EXPIRY = "ob2.expiry";
    public static final String REVOCATION = "ob2.revocation";
    public static final String RECIPIENT = "ob2.recipient";
    public static final String ENDORSEMENTS = "ob2.endorsements";

    /** OB 2.0 class names (the context's terms); other type values must be IRIs. */
    private static final Set<String> KNOWN_CLASSES = Set.of("AlignmentObject", "CryptographicKey", "Endorsement",
            "Assertion", "BadgeClass", "Criteria", "Evidence", "Extension", "FrameValidation", "IdentityObject",
            "Image", "HostedBadge", "hosted", "Issuer", "Profile", "RevocationList", "SignedBadge", "signed",
            "TypeValidation", "VerificationObject");

    private static final int PARSED_CACHE_SIZE = 512;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Ob2Verifier.class);

    private final DocumentFetcher fetcher;
    private final Clock clock;
    private final Ob2JwsVerifier jwsVerifier = new Ob2JwsVerifier();
    private final Map<URI, Parsed> parsedCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<URI, Parsed> eldest) {
            return size() > PARSED_CACHE_SIZE;
        }
    };

    private record Parsed(byte[] body, JsonNode tree) {
    }

    public Ob2Verifier(DocumentFetcher fetcher, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies JSON text, a compact JWS, or an http(s) URL of a hosted assertion; {@code recipient}, when
     * given, is checked against the assertion's recipient.
     */
    @Override
    public VerificationReport verify(String input, @Nullable String recipient) {
        Run run = new Run(recipient);
        return guarded(run, () -> run.start(input.strip(), null));
    }

    /**
     * An OB 2.0 document: the OB 2.0 (or 1.x) context, an OB 2.0 class as type, or the recipient and badge of
     * a context-less 1.x assertion.
     */
    @Override
    public boolean recognises(JsonNode document) {
        if (!document.isObject()) {
            return false;
        }
        Ob2Contexts.Status status = Ob2Contexts.of(document);
        if (status == Ob2Contexts.Status.OB2 || status == Ob2Contexts.Status.OB1) {
            return true;
        }
        if (document.get("recipient") != null && document.get("badge") != null) {
            return true;
        }
        return rawTypes(document).stream().anyMatch(t -> KNOWN_CLASSES.contains(t) && !"Extension".equals(t));
    }

    /** Verifies the assertion at this URL (a hosted assertion, or one baked in a legacy image by URL). */
    public VerificationReport verifyUrl(URI url, @Nullable String recipient) {
        Run run = new Run(recipient);
        return guarded(run, () -> run.fromUrl(url));
    }

    /** Verifies a document already fetched from {@code url} (the caller fetched it to tell OB 2.0 from 3.0). */
    @Override
    public VerificationReport verifyFetched(FetchedDocument document, @Nullable String recipient) {
        Run run = new Run(recipient);
        return guarded(run, () -> run.fetched(document.requested(), document));
    }

    /**
     * Verifies the payload found in a baked image: assertion JSON or a compact JWS. {@code verifyUrl} is the
     * SVG {@code verify} attribute when it holds a URL (hosted): the issuer's copy at that address wins.
     */
    @Override
    public VerificationReport verifyBaked(String payload, @Nullable String verifyUrl, @Nullable String recipient) {
        Run run = new Run(recipient);
        return guarded(run, () -> run.start(payload.strip(), verifyUrl));
    }

    /**
     * A bug of ours must not surface as an error page or, worse, as a verdict: the report keeps the checks
     * made so far and says the badge could not be verified.
     */
    private static VerificationReport guarded(Run run, java.util.function.Supplier<VerificationReport> steps) {
        try {
            return steps.get();
        } catch (RuntimeException bug) {
            LOG.warn("OB 2.0 verification stopped by an unexpected error", bug);
            run.outage = true;
            run.checks.add(Check.skipped("ob2.internal", "ob2.internal-error"));
            return run.report(null);
        }
    }

    /** Where the document being verified came from. */
    private enum Origin { TEXT, URL, JWS }

    /** The outcome of fetching and parsing one JSON document. */
    private record Loaded(@Nullable JsonNode tree, @Nullable FetchFailed failure, @Nullable Ob2ParseFailed unreadable,
                          @Nullable URI finalUri) {
    }

    /** One verification: its checks, whether something needed was unreachable, documents fetched so far. */
    private final class Run {
        private final @Nullable String recipient;
        private final List<Check> checks = new ArrayList<>();
        private final Map<URI, Loaded> loaded = new HashMap<>();
        private boolean outage;
        private @Nullable CompactJws jws;
        private Origin origin = Origin.TEXT;
        private @Nullable URI fetchedFrom;

        Run(@Nullable String recipient) {
            this.recipient = recipient == null || recipient.isBlank() ? null : recipient;
        }

        VerificationReport start(String input, @Nullable String verifyUrl) {
            if (input.isEmpty()) {
                return fail(PARSE, "ob2.parse.empty");
            }
            if (input.startsWith("{") || input.startsWith("[")) {
                JsonNode json;
                try {
                    json = Ob2Json.parseObject(input.getBytes(StandardCharsets.UTF_8));
                } catch (Ob2ParseFailed unreadable) {
                    return fail(PARSE, unreadable.messageKey(), unreadable.args().toArray());
                }
                if (verifyUrl != null && !verifyUrl.isBlank() && Ob2Reader.verificationNode(json) == null
                        && json.get("id") == null) {
                    URI url = Fields.safeUri(verifyUrl);
                    if (url != null) {
                        return fromUrl(url);
                    }
                }
                return document(json);
            }
            if (CompactJws.looksCompact(input)) {
                return fromJws(input);
            }
            URI url = httpUrl(input);
            if (url != null) {
                return fromUrl(url);
            }
            return fail(PARSE, "ob2.parse.unrecognised");
        }

        VerificationReport fromUrl(URI url) {
            origin = Origin.URL;
            if (!isHttp(url)) {
                return fail(PARSE, "ob2.parse.unrecognised");
            }
            FetchedDocument fetched;
            try {
                fetched = fetcher.fetch(url, DocumentFetcher.Expect.JSON);
            } catch (FetchFailed failed) {
                if (isGone(failed)) {
                    checks.add(Check.passed(PARSE, "ob2.parse.url", url.toString()));
                    String reason = goneReason(failed);
                    checks.add(reason == null ? Check.failed(REVOCATION, "ob2.revocation.gone", url.toString())
                            : Check.failed(REVOCATION, "ob2.revocation.gone-reason", url.toString(), reason));
                    return report(null);
                }
                return unreachable(PARSE, failed);
            }
            return fetched(url, fetched);
        }

        VerificationReport fetched(URI url, FetchedDocument fetched) {
            origin = Origin.URL;
            fetchedFrom = url;
            String body = fetched.bodyAsString().strip();
            if (CompactJws.looksCompact(body)) {
                return fromJws(body);
            }
            JsonNode json;
            try {
                json = Ob2Json.parseObject(fetched.body());
            } catch (Ob2ParseFailed unreadable) {
                return fail(PARSE, unreadable.messageKey(), unreadable.args().toArray());
            }
            return document(json);
        }

        VerificationReport fromJws(String compact) {
            origin = Origin.JWS;
            CompactJws token;
            try {
                token = CompactJws.parse(compact);
            } catch (JwsRejected rejected) {
                return switch (rejected.reason()) {
                    case MALFORMED, ENCRYPTED, TOO_LARGE -> fail(PARSE, rejected.messageKey(),
                            rejected.args().toArray());
                    default -> {
                        checks.add(Check.passed(PARSE, "ob2.parse.jws"));
                        yield fail(SIGNATURE, rejected.messageKey(), rejected.args().toArray());
                    }
                };
            }
            JsonNode json;
            try {
                json = Ob2Json.parseObject(token.payload());
            } catch (Ob2ParseFailed unreadable) {
                return fail(PARSE, unreadable.messageKey(), unreadable.args().toArray());
            }
            jws = token;
            return document(json);
        }

        /** Dispatches on the document's class: an assertion is verified in full, other documents checked. */
        VerificationReport document(JsonNode json) {
            List<String> types = rawTypes(json);
            boolean assertionShaped = json.get("recipient") != null && json.get("badge") != null;
            if (types.contains("Assertion") || types.isEmpty() && assertionShaped && json.get("type") == null) {
                return assertion(json);
            }
            if (types.isEmpty() && json.get("type") == null) {
                return fail(PARSE, "ob2.parse.not-a-badge");
            }
            checks.add(Check.passed(PARSE, parseKey()));
            if (!contextAccepted(json, STRUCTURE) || !typesKnown(types, json)) {
                return report(null);
            }
            if (types.contains("BadgeClass")) {
                return badgeClassDocument(json);
            }
            if (types.contains("Issuer") || types.contains("Profile")) {
                return profileDocument(json);
            }
            if (types.contains("Endorsement")) {
                return endorsementDocument(json);
            }
            return otherDocument(json, types);
        }

        private String parseKey() {
            return switch (origin) {
                case JWS -> "ob2.parse.jws";
                case URL -> "ob2.parse.url";
                case TEXT -> "ob2.parse.json";
            };
        }

        // ---- assertion -------------------------------------------------------------------------------

        VerificationReport assertion(JsonNode given) {
            checks.add(Check.passed(PARSE, parseKey(), fetchedFrom == null ? "" : fetchedFrom.toString()));
            VerificationObject.Kind kind = rawKind(given);
            JsonNode json = given;
            boolean revokedByHost = false;
            String hostReason = null;
            if (jws != null && kind == VerificationObject.Kind.HOSTED) {
                return fail(STRUCTURE, "ob2.structure.jws-but-hosted");
            }
            if (kind == VerificationObject.Kind.HOSTED) {
                URI id = rawId(given);
                if (id == null || !isHttp(id)) {
                    checks.add(Check.failed(HOSTED_COPY, "ob2.hosted-copy.no-url"));
                } else if (fetchedFrom != null && sameDocument(id, fetchedFrom)) {
                    checks.add(Check.passed(HOSTED_COPY, "ob2.hosted-copy.fetched", id.toString()));
                } else {
                    Loaded hosted = load(id);
                    if (hosted.failure() != null && isGone(hosted.failure())) {
                        revokedByHost = true;
                        hostReason = goneReason(hosted.failure());
                        checks.add(Check.skipped(HOSTED_COPY, "ob2.hosted-copy.gone", id.toString()));
                    } else if (hosted.tree() == null) {
                        reportLoadFailure(HOSTED_COPY, hosted, id);
                    } else if (Fields.optionalBooleanOrFalse(hosted.tree(), "revoked")) {
                        revokedByHost = true;
                        hostReason = textOrNull(hosted.tree(), "revocationReason");
                        checks.add(Check.passed(HOSTED_COPY, "ob2.hosted-copy.revoked", id.toString()));
                    } else if (hosted.tree().equals(given)) {
                        checks.add(Check.passed(HOSTED_COPY, "ob2.hosted-copy.same", id.toString()));
                        json = hosted.tree();
                    } else {
                        checks.add(Check.failed(HOSTED_COPY, "ob2.hosted-copy.differs", id.toString()));
                        json = hosted.tree();
                    }
                }
            }

            // Structure and datatypes.
            if (!contextAccepted(json, STRUCTURE)) {
                return report(null);
            }
            Assertion assertion;
            try {
                assertion = Ob2Reader.readAssertion(json);
            } catch (Ob2ParseFailed invalid) {
                checks.add(Check.failed(STRUCTURE, invalid.messageKey(), invalid.args().toArray()));
                return report(null);
            }
            if (!typesKnown(assertion.types(), json)) {
                return report(null);
            }
            if (assertion.image() != null && assertion.image().isDataUri()) {
                // DCPV: the assertion image is the baked badge, served from a URL, not a data URI.
                return fail(STRUCTURE, "ob2.structure.assertion-image-data-uri");
            }
            if (assertion.verification().kind() == VerificationObject.Kind.HOSTED && !isHttp(assertion.id())) {
                return fail(STRUCTURE, "ob2.structure.hosted-id-not-url", assertion.id().toString());
            }
            if (jws == null && assertion.isSigned()) {
                checks.add(Check.passed(STRUCTURE, "ob2.structure.ok"));
                return fail(SIGNATURE, "ob2.signature.missing-jws");
            }
            checks.add(Check.passed(STRUCTURE, "ob2.structure.ok"));

            BadgeClass badge = resolveBadge(assertion.badge());
            if (badge == null) {
                return report(null);
            }
            Profile issuer = resolveIssuer(badge, assertion.isSigned());
            if (issuer == null) {
                return report(null);
            }
            String declaredIssuer = textOrNull(json, "issuer");
            if (declaredIssuer != null && !declaredIssuer.strip().equals(issuer.id().toString())) {
                checks.add(Check.failed(ISSUER, "ob2.issuer.mismatch", declaredIssuer, issuer.id().toString()));
            }
            if (assertion.isSigned()) {
                checks.add(Check.skipped(HOSTED_SCOPE, "ob2.hosted-scope.signed"));
                checkSignature(assertion, issuer);
            } else {
                checkHostedScope(assertion.id(), issuer, HOSTED_SCOPE);
                checks.add(Check.skipped(SIGNATURE, "ob2.signature.hosted"));
            }
            checkExpiry(assertion.issuedOn(), assertion.expires());
            checkRevocation(assertion, issuer, revokedByHost, hostReason);
            checkRecipient(assertion.recipient());
            List<BadgeView.Party> endorsers = checkEndorsements(assertion, badge, issuer);
            return report(view(assertion, badge, issuer, endorsers));
        }

        private @Nullable BadgeClass resolveBadge(Ref<BadgeClass> ref) {
            if (ref.embedded() != null) {
                checks.add(Check.passed(BADGE_CLASS, "ob2.badge-class.embedded", ref.embedded().name()));
                return checkBadgeImage(ref.embedded());
            }
            URI id = Objects.requireNonNull(ref.id());
            JsonNode tree = loadRequired(id, BADGE_CLASS);
            if (tree == null) {
                return null;
            }
            if (!contextAccepted(tree, BADGE_CLASS)) {
                return null;
            }
            try {
                BadgeClass badge = Ob2Reader.readBadgeClass(tree);
                checks.add(Check.passed(BADGE_CLASS, "ob2.badge-class.fetched", badge.name(), id.toString()));
                return checkBadgeImage(badge);
            } catch (Ob2ParseFailed invalid) {
                checks.add(Check.failed(BADGE_CLASS, invalid.messageKey(), invalid.args().toArray()));
                return null;
            }
        }

        private @Nullable BadgeClass checkBadgeImage(BadgeClass badge) {
            Image image = badge.image();
            if (image == null) {
                // Required by the spec, yet the reference validator accepts its absence: warn only.
                checks.add(Check.warning(BADGE_IMAGE, "ob2.badge-image.missing"));
            } else if (image.isDataUri() && !Set.of("image/png", "image/svg+xml").contains(image.dataMediaType())) {
                checks.add(Check.failed(BADGE_IMAGE, "ob2.badge-image.wrong-type", image.dataMediaType()));
                return null;
            } else {
                checks.add(Check.passed(BADGE_IMAGE, "ob2.badge-image.ok"));
            }
            return badge;
        }

        /**
         * The issuer profile, taken from the issuer's own URL even when embedded: the keys and the hosting
         * policy it lists decide whose signature and which hosts count, so they must not come from the badge
         * being checked. An embedded profile is used only when its id is not a web address.
         */
        private @Nullable Profile resolveIssuer(BadgeClass badge, boolean signed) {
            Ref<Profile> ref = badge.issuer();
            Profile embedded = ref.embedded();
            URI id = ref.id();
            if (embedded != null && (id == null || !isHttp(id))) {
                return checkIssuer(embedded, "ob2.issuer.embedded");
            }
            URI url = Objects.requireNonNull(id);
            if (!isHttp(url)) {
                checks.add(Check.failed(ISSUER, "ob2.issuer.not-fetchable", url.toString()));
                return null;
            }
            JsonNode tree = loadRequired(url, ISSUER);
            if (tree == null || !contextAccepted(tree, ISSUER)) {
                return null;
            }
            try {
                Profile profile = Ob2Reader.readProfile(tree);
                if (!servedFromItsOwnHost(profile.id(), url)) {
                    checks.add(Check.failed(ISSUER, "ob2.issuer.served-elsewhere", profile.id().toString(),
                            url.toString()));
                    return null;
                }
                return checkIssuer(profile, "ob2.issuer.fetched");
            } catch (Ob2ParseFailed invalid) {
                checks.add(Check.failed(ISSUER, invalid.messageKey(), invalid.args().toArray()));
                return null;
            }
        }

        private @Nullable Profile checkIssuer(Profile issuer, String key) {
            if (issuer.name() == null || issuer.name().isBlank()) {
                checks.add(Check.failed(ISSUER, "ob2.read.missing", "issuer.name"));
                return null;
            }
            checks.add(Check.passed(ISSUER, key, issuer.displayName()));
            List<String> missing = new ArrayList<>();
            if (issuer.url() == null) {
                missing.add("url");
            }
            if (issuer.email() == null) {
                missing.add("email");
            }
            if (!missing.isEmpty()) {
                checks.add(Check.warning(ISSUER_DETAILS, "ob2.issuer-details.missing", String.join(", ", missing)));
            } else if (!"https".equalsIgnoreCase(issuer.id().getScheme())) {
                checks.add(Check.warning(ISSUER_DETAILS, "ob2.issuer-details.not-https", issuer.id().toString()));
            }
            return issuer;
        }

        /** ob_v2p0 "Hosted verification": the assertion must live where the issuer's policy allows. */
        private boolean checkHostedScope(URI assertionId, Profile issuer, String checkId) {
            VerificationObject policy = issuer.verification();
            List<String> startsWith = policy == null ? List.of() : policy.startsWith();
            String id = assertionId.toString();
            if (!startsWith.isEmpty() && startsWith.stream().noneMatch(id::startsWith)) {
                checks.add(Check.failed(checkId, "ob2.hosted-scope.starts-with", id, String.join(", ", startsWith)));
                return false;
            }
            List<String> allowed = policy == null ? List.of() : policy.allowedOrigins();
            if (allowed.isEmpty()) {
                if (!isHttp(issuer.id()) || issuer.id().getAuthority() == null) {
                    checks.add(Check.warning(checkId, "ob2.hosted-scope.no-domain", issuer.id().toString()));
                    return true;
                }
                allowed = List.of(issuer.id().getAuthority());
            }
            String authority = assertionId.getAuthority();
            if (authority == null || allowed.stream().noneMatch(a -> a.strip().equalsIgnoreCase(authority))) {
                checks.add(Check.failed(checkId, "ob2.hosted-scope.outside", id, String.join(", ", allowed)));
                return false;
            }
            checks.add(Check.passed(checkId, "ob2.hosted-scope.ok", authority));
            return true;
        }

        /** ob_v2p0 "Signed verification": the key must be listed by the issuer and name it as owner. */
        private void checkSignature(Assertion assertion, Profile issuer) {
            CompactJws token = Objects.requireNonNull(jws);
            URI creator = assertion.verification().creator();
            if (creator != null && !issuer.publicKeys().contains(creator)) {
                checks.add(Check.failed(SIGNATURE, "ob2.signature.creator-not-listed", creator.toString()));
                return;
            }
            List<URI> candidates = creator != null ? List.of(creator) : issuer.publicKeys();
            if (candidates.isEmpty()) {
                checks.add(Check.failed(SIGNATURE, "ob2.signature.no-keys"));
                return;
            }
            String failure = "ob2.signature.bad";
            Object failureArg = "";
            boolean unreachable = false;
            for (URI keyId : candidates) {
                CryptographicKey key = issuer.embeddedKeys().stream().filter(k -> k.id().equals(keyId))
                        .findFirst().orElse(null);
                if (key == null) {
                    if (!isHttp(keyId)) {
                        failure = "ob2.signature.key-not-fetchable";
                        failureArg = keyId.toString();
                        continue;
                    }
                    Loaded loadedKey = load(keyId);
                    if (loadedKey.tree() == null) {
                        if (isOutage(loadedKey)) {
                            unreachable = true;
                        } else {
                            failure = "ob2.signature.key-unreadable";
                            failureArg = keyId.toString();
                        }
                        continue;
                    }
                    try {
                        key = Ob2Reader.readCryptographicKey(loadedKey.tree());
                    } catch (Ob2ParseFailed unreadable) {
                        failure = "ob2.signature.key-unreadable";
                        failureArg = keyId.toString();
                        continue;
                    }
                    if (!servedFromItsOwnHost(key.id(), keyId)) {
                        failure = "ob2.signature.key-owner-mismatch";
                        failureArg = keyId.toString();
                        continue;
                    }
                }
                if (key.owner() == null || !key.owner().equals(issuer.id())) {
                    failure = "ob2.signature.key-owner-mismatch";
                    failureArg = keyId.toString();
                    continue;
                }
                try {
                    jwsVerifier.verify(token, key.publicKeyPem());
                    checks.add(Check.passed(SIGNATURE, "ob2.signature.ok", keyId.toString(),
                            token.algorithm().getName()));
                    return;
                } catch (KeyRejected badKey) {
                    failure = "ob2.signature.key-unreadable";
                    failureArg = keyId.toString();
                } catch (JwsRejected mismatch) {
                    failure = "ob2.signature.bad";
                }
            }
            if (unreachable && "ob2.signature.bad".equals(failure)) {
                outage = true;
                checks.add(Check.skipped(SIGNATURE, "ob2.signature.key-unreachable"));
                return;
            }
            checks.add(Check.failed(SIGNATURE, failure, failureArg));
        }

        private void checkExpiry(Instant issuedOn, @Nullable Instant expires) {
            Instant now = clock.instant();
            if (issuedOn.isAfter(now)) {
                checks.add(Check.failed(EXPIRY, "ob2.expiry.issued-in-future", issuedOn.toString()));
            } else if (expires != null && expires.isBefore(issuedOn)) {
                checks.add(Check.failed(EXPIRY, "ob2.expiry.expires-before-issued", expires.toString(),
                        issuedOn.toString()));
            } else if (expires != null && !expires.isAfter(now)) {
                checks.add(Check.failed(EXPIRY, "ob2.expiry.expired", expires.toString()));
            } else if (expires != null) {
                checks.add(Check.passed(EXPIRY, "ob2.expiry.valid-until", expires.toString()));
            } else {
                checks.add(Check.passed(EXPIRY, "ob2.expiry.no-expiry"));
            }
        }

        private void checkRevocation(Assertion assertion, Profile issuer, boolean revokedByHost,
                                     @Nullable String hostReason) {
            if (revokedByHost || assertion.revoked()) {
                String reason = hostReason != null ? hostReason : assertion.revocationReason();
                checks.add(reason == null || reason.isBlank()
                        ? Check.failed(REVOCATION, "ob2.revocation.revoked-no-reason")
                        : Check.failed(REVOCATION, "ob2.revocation.revoked", reason));
                return;
            }
            URI listUrl = issuer.revocationList();
            if (listUrl == null) {
                checks.add(Check.passed(REVOCATION, "ob2.revocation.no-list"));
                return;
            }
            if (!isHttp(listUrl)) {
                outage = true;
                checks.add(Check.skipped(REVOCATION, "ob2.revocation.unreachable", listUrl.toString()));
                return;
            }
            Loaded list = load(listUrl);
            if (list.tree() == null) {
                // Hostile-inputs S13: a list we cannot read is "could not be checked", never a green tick.
                outage = true;
                checks.add(Check.skipped(REVOCATION, "ob2.revocation.unreachable", listUrl.toString()));
                return;
            }
            RevocationList revocations;
            try {
                revocations = Ob2Reader.readRevocationList(list.tree());
            } catch (Ob2ParseFailed unreadable) {
                outage = true;
                checks.add(Check.skipped(REVOCATION, "ob2.revocation.unreadable", listUrl.toString()));
                return;
            }
            revocations.find(assertion.id().toString(), assertion.uid()).ifPresentOrElse(
                    entry -> checks.add(entry.revocationReason() == null || entry.revocationReason().isBlank()
                            ? Check.failed(REVOCATION, "ob2.revocation.revoked-no-reason")
                            : Check.failed(REVOCATION, "ob2.revocation.revoked", entry.revocationReason())),
                    () -> checks.add(Check.passed(REVOCATION, "ob2.revocation.not-listed")));
        }

        private void checkRecipient(IdentityObject identity) {
            if (recipient == null) {
                checks.add(Check.skipped(RECIPIENT, "ob2.recipient.not-checked"));
            } else if (identity.matches(recipient)) {
                checks.add(Check.passed(RECIPIENT, "ob2.recipient.matches", recipient.strip()));
            } else {
                checks.add(Check.failed(RECIPIENT, "ob2.recipient.differs", recipient.strip()));
            }
        }

        // ---- endorsements ----------------------------------------------------------------------------

        private List<BadgeView.Party> checkEndorsements(Assertion assertion, BadgeClass badge, Profile issuer) {
            Map<URI, List<Ref<Endorsement>>> byTarget = new LinkedHashMap<>();
            byTarget.put(assertion.id(), assertion.endorsements());
            byTarget.put(badge.id(), badge.endorsements());
            byTarget.put(issuer.id(), issuer.endorsements());
            List<BadgeView.Party> endorsers = new ArrayList<>();
            int total = 0;
            List<String> failed = new ArrayList<>();
            for (Map.Entry<URI, List<Ref<Endorsement>>> target : byTarget.entrySet()) {
                for (Ref<Endorsement> ref : target.getValue()) {
                    total++;
                    String problem = endorsementProblem(ref, target.getKey(), endorsers);
                    if (problem != null) {
                        failed.add(ref.id() == null ? "?" : ref.id().toString());
                    }
                }
            }
            if (total == 0) {
                checks.add(Check.skipped(ENDORSEMENTS, "ob2.endorsements.none"));
            } else if (failed.isEmpty()) {
                checks.add(Check.passed(ENDORSEMENTS, "ob2.endorsements.ok", total));
            } else {
                checks.add(Check.warning(ENDORSEMENTS, "ob2.endorsements.some-failed", failed.size(), total,
                        String.join(", ", failed)));
            }
            return endorsers;
        }

        /** Null when the endorsement verifies (and its endorser is added), else a message key. */
        private @Nullable String endorsementProblem(Ref<Endorsement> ref, URI target, List<BadgeView.Party> endorsers) {
            Endorsement endorsement = ref.embedded();
            JsonNode given = endorsement == null ? null : endorsement.json();
            URI id = ref.id();
            if (endorsement == null) {
                if (id == null || !isHttp(id)) {
                    return "unreachable";
                }
                Loaded loadedEndorsement = load(id);
                if (loadedEndorsement.tree() == null) {
                    return "unreachable";
                }
                given = loadedEndorsement.tree();
                try {
                    endorsement = Ob2Reader.readEndorsement(given);
                } catch (Ob2ParseFailed invalid) {
                    return invalid.messageKey();
                }
            }
            if (!endorsement.claimId().equals(target)) {
                return "claim";
            }
            if (endorsement.revoked()) {
                return "revoked";
            }
            if (endorsement.verification().kind() != VerificationObject.Kind.HOSTED) {
                // A signed endorsement would come as a JWS; embedded JSON cannot prove its signature.
                return "signed";
            }
            if (!isHttp(endorsement.id())) {
                return "hosted-id";
            }
            Loaded hosted = load(endorsement.id());
            if (hosted.tree() == null || Fields.optionalBooleanOrFalse(hosted.tree(), "revoked")
                    || !hosted.tree().equals(given)) {
                return "hosted-copy";
            }
            Profile endorser;
            Ref<Profile> issuerRef = endorsement.issuer();
            if (issuerRef.embedded() != null) {
                endorser = issuerRef.embedded();
            } else {
                URI issuerId = Objects.requireNonNull(issuerRef.id());
                Loaded loadedIssuer = isHttp(issuerId) ? load(issuerId) : new Loaded(null, null, null, null);
                if (loadedIssuer.tree() == null) {
                    return "issuer";
                }
                try {
                    endorser = Ob2Reader.readProfile(loadedIssuer.tree());
                } catch (Ob2ParseFailed invalid) {
                    return "issuer";
                }
            }
            int before = checks.size();
            boolean inScope = checkHostedScope(endorsement.id(), endorser, ENDORSEMENTS);
            checks.subList(before, checks.size()).clear();
            if (!inScope) {
                return "scope";
            }
            if (endorsement.issuedOn().isAfter(clock.instant())) {
                return "future";
            }
            endorsers.add(party(endorser));
            return null;
        }

        // ---- other documents -------------------------------------------------------------------------

        VerificationReport badgeClassDocument(JsonNode json) {
            BadgeClass badge;
            try {
                badge = Ob2Reader.readBadgeClass(json);
            } catch (Ob2ParseFailed invalid) {
                return fail(STRUCTURE, invalid.messageKey(), invalid.args().toArray());
            }
            checks.add(Check.passed(STRUCTURE, "ob2.structure.ok"));
            checks.add(Check.warning(DOCUMENT_KIND, "ob2.document-kind.badge-class", badge.name()));
            if (checkBadgeImage(badge) != null) {
                resolveIssuer(badge, false);
            }
            return report(null);
        }

        VerificationReport profileDocument(JsonNode json) {
            try {
                Profile profile = Ob2Reader.readProfile(json);
                checks.add(Check.passed(STRUCTURE, "ob2.structure.ok"));
                checks.add(Check.warning(DOCUMENT_KIND, "ob2.document-kind.profile", profile.displayName()));
                checkIssuer(profile, "ob2.issuer.given");
            } catch (Ob2ParseFailed invalid) {
                checks.add(Check.failed(STRUCTURE, invalid.messageKey(), invalid.args().toArray()));
            }
            return report(null);
        }

        VerificationReport endorsementDocument(JsonNode json) {
            try {
                Endorsement endorsement = Ob2Reader.readEndorsement(json);
                checks.add(Check.passed(STRUCTURE, "ob2.structure.ok"));
                checks.add(Check.warning(DOCUMENT_KIND, "ob2.document-kind.endorsement"));
                List<BadgeView.Party> endorsers = new ArrayList<>();
                String problem = endorsementProblem(Ref.of(endorsement.id(), endorsement), endorsement.claimId(),
                        endorsers);
                checks.add(problem == null ? Check.passed(ENDORSEMENTS, "ob2.endorsements.ok", 1)
                        : Check.failed(ENDORSEMENTS, "ob2.endorsements.some-failed", 1, 1, endorsement.id().toString()));
            } catch (Ob2ParseFailed invalid) {
                checks.add(Check.failed(STRUCTURE, invalid.messageKey(), invalid.args().toArray()));
            }
            return report(null);
        }

        VerificationReport otherDocument(JsonNode json, List<String> types) {
            try {
                if (types.contains("AlignmentObject")) {
                    Ob2Reader.readAlignment(json, "");
                } else if (types.contains("CryptographicKey")) {
                    Ob2Reader.readCryptographicKey(json);
                } else if (types.contains("RevocationList")) {
                    Ob2Reader.readRevocationList(json);
                } else if (types.contains("IdentityObject")) {
                    Ob2Reader.readIdentity(json, "");
                }
            } catch (Ob2ParseFailed invalid) {
                return fail(STRUCTURE, invalid.messageKey(), invalid.args().toArray());
            }
            checks.add(Check.passed(STRUCTURE, "ob2.structure.ok"));
            checks.add(Check.warning(DOCUMENT_KIND, "ob2.document-kind.other", String.join(", ", types)));
            return report(null);
        }

        // ---- shared steps ----------------------------------------------------------------------------

        private boolean contextAccepted(JsonNode json, String checkId) {
            switch (Ob2Contexts.of(json)) {
                case OB2 -> {
                    return true;
                }
                case OB1 -> {
                    checks.add(Check.warning(CONTEXT, "ob2.context.v1"));
                    return true;
                }
                case ABSENT -> {
                    if (checkId.equals(STRUCTURE)) {
                        checks.add(Check.warning(CONTEXT, "ob2.context.absent"));
                    }
                    return true;
                }
                default -> {
                    String described = Ob2Contexts.describe(json);
                    checks.add(Check.failed(checkId, "ob2.context.unsupported", described == null ? "" : described));
                    return false;
                }
            }
        }

        /** Each type must be an OB 2.0 class or an IRI (DCPV RDF type validation). */
        private boolean typesKnown(List<String> types, JsonNode json) {
            if (json.get("type") != null && types.isEmpty()) {
                checks.add(Check.failed(STRUCTURE, "ob2.read.empty-type", "type"));
                return false;
            }
            for (String type : types) {
                if (!KNOWN_CLASSES.contains(type) && !type.contains(":")) {
                    checks.add(Check.failed(STRUCTURE, "ob2.structure.unknown-class", type));
                    return false;
                }
            }
            return true;
        }

        /** Loads a document a check cannot do without; records the failure under {@code checkId}. */
        private @Nullable JsonNode loadRequired(URI id, String checkId) {
            if (!isHttp(id)) {
                checks.add(Check.failed(checkId, "ob2.fetch.not-fetchable", id.toString()));
                return null;
            }
            Loaded result = load(id);
            if (result.tree() == null) {
                reportLoadFailure(checkId, result, id);
                return null;
            }
            return result.tree();
        }

        private void reportLoadFailure(String checkId, Loaded result, URI id) {
            FetchFailed failure = result.failure();
            if (failure != null) {
                if (isOutage(result)) {
                    outage = true;
                    checks.add(Check.skipped(checkId, failure.messageKey(), fetchArgs(failure, id)));
                } else {
                    checks.add(Check.failed(checkId, failure.messageKey(), fetchArgs(failure, id)));
                }
            } else {
                checks.add(Check.failed(checkId, "ob2.fetch.unreadable", id.toString()));
            }
        }

        private Loaded load(URI id) {
            Loaded known = loaded.get(id);
            if (known != null) {
                return known;
            }
            Loaded result;
            try {
                FetchedDocument document = fetcher.fetch(id, DocumentFetcher.Expect.JSON);
                result = new Loaded(parseCached(id, document.body()), null, null, document.finalUri());
            } catch (FetchFailed failed) {
                result = new Loaded(null, failed, null, null);
            } catch (Ob2ParseFailed unreadable) {
                result = new Loaded(null, null, unreadable, null);
            }
            loaded.put(id, result);
            return result;
        }

        /**
         * A document that names itself by a web address must be served from that address's host (or be
         * redirected there): otherwise any site could publish a profile or key claiming another issuer's id.
         * Ids that are not web addresses (urn:uuid) carry no such claim.
         */
        private boolean servedFromItsOwnHost(URI declaredId, URI fetchedFrom) {
            if (!isHttp(declaredId)) {
                return true;
            }
            Loaded result = loaded.get(fetchedFrom);
            URI finalUri = result == null ? null : result.finalUri();
            return sameHost(declaredId, fetchedFrom) || finalUri != null && sameHost(declaredId, finalUri);
        }

        private VerificationReport unreachable(String checkId, FetchFailed failed) {
            if (failed.isOutage() || failed.reason() == FetchFailed.Reason.NOT_FOUND) {
                outage = true;
                checks.add(Check.skipped(checkId, failed.messageKey(), fetchArgs(failed, failed.uri())));
            } else {
                checks.add(Check.failed(checkId, failed.messageKey(), fetchArgs(failed, failed.uri())));
            }
            return report(null);
        }

        private VerificationReport fail(String checkId, String key, Object... args) {
            checks.add(Check.failed(checkId, key, args));
            return report(null);
        }

        private VerificationReport report(@Nullable BadgeView view) {
            return new VerificationReport(Spec.OB2, VerificationReport.verdictOf(checks, outage), checks, view);
        }
    }

    private JsonNode parseCached(URI id, byte[] body) throws Ob2ParseFailed {
        synchronized (parsedCache) {
            Parsed hit = parsedCache.get(id);
            if (hit != null && Arrays.equals(hit.body(), body)) {
                return hit.tree();
            }
        }
        JsonNode tree = Ob2Json.parse(body);
        synchronized (parsedCache) {
            parsedCache.put(id, new Parsed(body, tree));
        }
        return tree;
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static boolean isOutage(Loaded loaded) {
        FetchFailed failure = loaded.failure();
        return failure != null && (failure.isOutage() || failure.reason() == FetchFailed.Reason.NOT_FOUND);
    }

    /** The fetcher's own message arguments (e.g. status then address), or just the address. */
    static Object[] fetchArgs(FetchFailed failure, URI id) {
        return failure.args().isEmpty() ? new Object[] {id.toString()} : failure.args().toArray();
    }

    /**
     * The {@code revocationReason} of a 410 body, when the host sent one in JSON: OB 2.0 §"Revocation" lets a
     * hosted assertion that was revoked answer {@code {"revoked": true, "revocationReason": ...}}, and Gone is
     * how many hosts (Insigne among them) answer.
     */
    private static @Nullable String goneReason(FetchFailed failed) {
        return failed.body().map(body -> {
            try {
                JsonNode reason = BoundedJson.readObject(body).get("revocationReason");
                return reason != null && reason.isString() && !reason.asString().isBlank()
                        ? reason.asString().strip() : null;
            } catch (BoundedJson.JsonUnreadable notJson) {
                return null;
            }
        }).orElse(null);
    }

    private static boolean isGone(FetchFailed failed) {
        return failed.reason() == FetchFailed.Reason.HTTP_STATUS && !failed.args().isEmpty()
                && Integer.valueOf(410).equals(failed.args().get(0));
    }

    static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null;
    }

    private static @Nullable URI httpUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || text.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        URI uri = Fields.safeUri(text);
        return uri != null && isHttp(uri) ? uri : null;
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private static boolean sameDocument(URI a, URI b) {
        return a.normalize().toString().equals(b.normalize().toString());
    }

    private static List<String> rawTypes(JsonNode json) {
        JsonNode type = json.get("type");
        List<String> out = new ArrayList<>();
        if (type == null) {
            return out;
        }
        if (type.isString()) {
            out.add(type.stringValue());
        } else if (type.isArray()) {
            type.forEach(t -> out.add(t.isString() ? t.stringValue() : t.toString()));
        } else {
            out.add(type.toString());
        }
        return out;
    }

    private static VerificationObject.Kind rawKind(JsonNode json) {
        JsonNode verification = Ob2Reader.verificationNode(json);
        if (verification == null) {
            return VerificationObject.Kind.HOSTED;
        }
        try {
            return Ob2Reader.readVerification(verification, "verification", false).kind();
        } catch (Ob2ParseFailed unreadable) {
            return VerificationObject.Kind.HOSTED;
        }
    }

    private static @Nullable URI rawId(JsonNode json) {
        String id = textOrNull(json, "id");
        if (id == null) {
            JsonNode verification = Ob2Reader.verificationNode(json);
            id = verification == null ? null : textOrNull(verification, "url");
        }
        return Fields.safeUri(id);
    }

    private static @Nullable String textOrNull(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static BadgeView.Party party(Profile profile) {
        return new BadgeView.Party(profile.id(), profile.displayName(), Fields.safeUri(profile.url()),
                profile.image() == null ? null : Fields.safeUri(profile.image().id()));
    }

    private static BadgeView view(Assertion assertion, BadgeClass badge, Profile issuer,
                                  List<BadgeView.Party> endorsers) {
        Image image = badge.image() != null ? badge.image() : assertion.image();
        List<BadgeView.Evidence> evidence = assertion.evidence().stream()
                .map(e -> new BadgeView.Evidence(Fields.safeUri(e.id()), e.name(),
                        e.narrative() != null ? e.narrative() : e.description()))
                .toList();
        List<BadgeView.Alignment> alignments = badge.alignments().stream()
                .map(a -> new BadgeView.Alignment(Fields.safeUri(a.targetUrl()), a.targetName(), a.targetFramework(),
                        a.targetCode()))
                .toList();
        URI criteriaUrl = badge.criteria().id() == null || badge.criteria().id().startsWith("_:")
                ? null : Fields.safeUri(badge.criteria().id());
        return new BadgeView(Spec.OB2, assertion.id(), badge.name(), badge.description(),
                image == null ? null : Fields.safeUri(image.id()), badge.criteria().narrative(), criteriaUrl,
                party(issuer), assertion.issuedOn(), assertion.expires(), null, evidence, alignments, badge.tags(),
                endorsers);
    }
}
