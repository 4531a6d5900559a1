package org.insigne.core.ob3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.insigne.core.did.KeyNotResolved;
import org.insigne.core.did.KeyResolver;
import org.insigne.core.did.VerificationMethod;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.jsonld.RdfCanonicalizer;
import org.insigne.core.signing.VcJwtRejected;
import org.insigne.core.signing.VcJwts;
import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Payload;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.SpecVerifier;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies an Open Badges 3.0 credential (verification.md), given as JSON with an embedded proof or as a
 * compact VC-JWT, and reports each step as a {@link Check}: {@code ob3.parse}, {@code ob3.context},
 * {@code ob3.structure}, {@code ob3.proof}, {@code ob3.status}, {@code ob3.validity}, {@code ob3.recipient},
 * {@code ob3.endorsements}, and {@code ob3.status-list} when a third party's status list was believed (see
 * {@link StatusListTrust}). A status list credential handed in on its own is checked as a credential (context,
 * structure of the list, proof, validity) and reported without a badge view. Bad input gives failed checks,
 * never an exception. Remote documents (DID documents, keys, status lists) come through the
 * {@link DocumentFetcher}; JSON-LD contexts only from the bundle. Thread-safe.
 */
public final class Ob3Verifier implements SpecVerifier {

    /**
     * The message key of the {@code ob3.parse} check when the input is a status list credential, not a badge: a
     * caller that keeps badges (a backpack) tells it apart by this.
     */
    public static final String PARSED_STATUS_LIST = "ob3.parse.status-list";

    static final Set<String> OB_CONTEXTS = Set.of(
            "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");

    /** The check of {@link #unidentifiedSubject}: a badge that names no one. */
    public static final String SUBJECT = "ob3.subject";

    /** Types of the credentials this verifier checks as badges; any other verifiable credential is no badge. */
    private static final Set<String> BADGE_TYPES = Set.of("OpenBadgeCredential", "AchievementCredential",
            "EndorsementCredential");
    /** CLR 2.0 (clr_v2p0 §"ClrCredential"): a transcript bundling many badges, not one. */
    private static final String CLR_TYPE = "ClrCredential";

    private final RdfCanonicalizer canonicalizer;
    private final KeyResolver keys;
    private final EmbeddedProofs embeddedProofs;
    private final StatusCheck status;
    private final Clock clock;

    public Ob3Verifier(DocumentFetcher fetcher, Clock clock) {
        this(fetcher, clock, RdfCanonicalizer.standard());
    }

    /** With a canonicaliser serving other vetted contexts besides the bundle. */
    public Ob3Verifier(DocumentFetcher fetcher, Clock clock, RdfCanonicalizer canonicalizer) {
        this(fetcher, clock, canonicalizer, StatusListTrust.ANY_VERIFIED_ISSUER);
    }

    /** With a stricter (or the default) policy on whose status lists to believe. */
    public Ob3Verifier(DocumentFetcher fetcher, Clock clock, RdfCanonicalizer canonicalizer,
                       StatusListTrust statusListTrust) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
        this.keys = new KeyResolver(fetcher);
        this.embeddedProofs = new EmbeddedProofs(canonicalizer, keys, clock);
        this.status = new StatusCheck(fetcher, embeddedProofs, clock,
                Objects.requireNonNull(statusListTrust, "statusListTrust"));
    }

    /**
     * Verifies the credential {@link org.insigne.core.verification.Verifier} found: JSON with an embedded proof
     * or a compact VC-JWT; when {@code recipient} (an e-mail address, URL or DID the reader knows) is given,
     * also checks that the badge was awarded to it.
     */
    @Override
    public VerificationReport verify(Payload payload, @Nullable String recipient) {
        if (payload instanceof Payload.Json json) {
            return verify(json.text(), true, recipient, true);
        }
        if (payload instanceof Payload.CompactToken token) {
            return verify(token.text(), false, recipient, true);
        }
        // Not what Verifier hands over for OB 3.0: read as a token, whose decoder says why it is none.
        String text = payload instanceof Payload.Address address ? address.url().toString()
                : ((Payload.Unrecognised) payload).text();
        return verify(text, false, recipient, true);
    }

    /** For callers holding a credential as text: JSON when it starts with a brace, else a compact VC-JWT. */
    public VerificationReport verify(String jsonOrJwt, @Nullable String recipient) {
        return verify(jsonOrJwt, isJson(jsonOrJwt), recipient, true);
    }

    /** A JSON object whose context or type is that of a Verifiable Credential (OB 3.0 is one). */
    @Override
    public boolean recognises(JsonNode document) {
        if (!document.isObject()) {
            return false;
        }
        List<String> contexts = Json.texts(document, "@context");
        return !contexts.isEmpty() && (contexts.get(0).equals(OpenBadgeCredential.VCDM2_CONTEXT)
                || contexts.get(0).equals(OpenBadgeCredential.VCDM1_CONTEXT))
                || Json.texts(document, "type").contains("VerifiableCredential");
    }

    private static boolean isJson(String text) {
        return text.strip().startsWith("{");
    }

    private VerificationReport verify(String input, boolean isJson, @Nullable String recipient,
                                      boolean withEndorsements) {
        List<Check> checks = new ArrayList<>();
        boolean outage = false;
        String text = input.strip();
        ObjectNode json;
        VcJwts.DecodedJwt jwt = null;
        if (isJson) {
            try {
                json = BoundedJson.readObject(text);
            } catch (BoundedJson.JsonUnreadable e) {
                checks.add(Check.failed("ob3.parse", "ob3.parse.unreadable", String.valueOf(e.getMessage())));
                return new VerificationReport(Spec.OB3, VerificationReport.verdictOf(checks, false), checks, null);
            }
        } else {
            try {
                jwt = VcJwts.decode(text);
                json = jwt.credential();
            } catch (VcJwtRejected e) {
                checks.add(Check.failed("ob3.parse", e.messageKey(), e.args().toArray()));
                return new VerificationReport(Spec.OB3, VerificationReport.verdictOf(checks, false), checks, null);
            }
        }
        OpenBadgeCredential credential = OpenBadgeCredential.of(json);
        if (!credential.type().contains("VerifiableCredential")) {
            checks.add(Check.failed("ob3.parse", "ob3.parse.not-a-credential"));
            return new VerificationReport(Spec.OB3, VerificationReport.verdictOf(checks, false), checks, null);
        }
        boolean statusList = StatusListCredentials.isStatusList(credential);
        if (!statusList && credential.type().stream().noneMatch(BADGE_TYPES::contains)) {
            return notABadge(credential, json, jwt);
        }
        checks.add(statusList ? StatusListCredentials.parsed()
                : Check.passed("ob3.parse", jwt == null ? "ob3.parse.json" : "ob3.parse.jwt"));
        checks.add(contextCheck(credential, statusList));
        List<StructureCheck.Problem> problems = statusList ? StatusListCredentials.problems(json)
                : StructureCheck.problems(json);
        checks.add(problems.isEmpty() ? Check.passed("ob3.structure", "ob3.structure.passed")
                : Check.failed("ob3.structure", "ob3.structure.failed", describe(problems)));
        if (!statusList && unidentifiedSubject(credential)) {
            checks.add(Check.warning(SUBJECT, "ob3.subject.unidentified"));
        }

        Outcome proof = jwt == null ? embeddedProofs.verify(json) : jwtProof(jwt);
        checks.add(proof.check());
        outage |= proof.outage();
        boolean unsupported = proof.unsupported();

        for (Outcome statusOutcome : status.check(credential)) {
            checks.add(statusOutcome.check());
            outage |= statusOutcome.outage();
        }

        checks.add(validity(credential, jwt));
        if (recipient != null) {
            checks.add(recipientCheck(credential, recipient));
        }
        List<BadgeView.Party> endorsers = new ArrayList<>();
        List<BadgeView.Endorsement> endorsements = new ArrayList<>();
        if (withEndorsements && !statusList) {
            checks.add(endorsements(credential, endorsers, endorsements));
        }
        // A status list is no badge: without a view, nobody shows or keeps it as one.
        @Nullable BadgeView view = statusList ? null : BadgeViews.of(credential, endorsers, endorsements);
        return new VerificationReport(Spec.OB3, VerificationReport.verdictOf(checks, outage, unsupported), checks,
                view);
    }

    /**
     * A verifiable credential that is no badge (a CLR 2.0 transcript, a diploma or an employment credential):
     * the verdict says so rather than "invalid", which means tampered, revoked or expired. Other credentials
     * are still checked as credentials (signature, status, validity) when their contexts are known, so that a
     * broken one stays invalid; a CLR is left there, its many nested badges being a format of its own.
     */
    private VerificationReport notABadge(OpenBadgeCredential credential, ObjectNode json,
                                         VcJwts.@Nullable DecodedJwt jwt) {
        List<Check> checks = new ArrayList<>();
        if (credential.type().contains(CLR_TYPE)) {
            checks.add(Check.skipped("ob3.parse", "ob3.parse.clr"));
            return new VerificationReport(Spec.OB3, VerificationReport.verdictOf(checks, false, true), checks, null);
        }
        List<String> types = credential.type().stream().filter(t -> !t.equals("VerifiableCredential")).toList();
        checks.add(Check.skipped("ob3.parse", "ob3.parse.not-a-badge",
                types.isEmpty() ? "VerifiableCredential" : String.join(", ", types)));
        Check context = contextCheck(credential, true);
        if (context.status() == CheckStatus.FAILED) {
            // Unknown contexts are never fetched: what the credential says cannot be read, let alone checked.
            checks.add(Check.skipped(context.id(), context.messageKey(), context.args().toArray()));
            return new VerificationReport(Spec.OB3, VerificationReport.verdictOf(checks, false, true), checks, null);
        }
        checks.add(context);
        boolean outage = false;
        Outcome proof = jwt == null ? embeddedProofs.verify(json) : jwtProof(jwt);
        checks.add(proof.check());
        outage |= proof.outage();
        for (Outcome statusOutcome : status.check(credential)) {
            checks.add(statusOutcome.check());
            outage |= statusOutcome.outage();
        }
        checks.add(validity(credential, jwt));
        return new VerificationReport(Spec.OB3, VerificationReport.verdictOf(checks, outage, true), checks, null);
    }

    /**
     * verification.md step 1: "Check that the credentialSubject is identified by an id and/or an identifier. If
     * neither is present, the credential does not conform". Reported as a warning, not a failure (decision
     * record 0017): the reference fixtures other verifiers accept often lack both, and such a badge simply
     * names nobody, which the warning says.
     */
    private static boolean unidentifiedSubject(OpenBadgeCredential credential) {
        if (credential.type().contains("EndorsementCredential")) {
            return false;
        }
        JsonNode subject = credential.json().get("credentialSubject");
        return subject != null && subject.isObject() && subject.get("id") == null
                && Json.list(subject, "identifier").isEmpty();
    }

    /**
     * serialization.md: the VCDM context first, then an OB 3.0 context; every URL must be bundled. A status
     * list credential needs no OB 3.0 context (vc-bitstring-status-list §2.2 uses the VCDM 2.0 one).
     */
    private Check contextCheck(OpenBadgeCredential credential, boolean statusList) {
        JsonNode context = credential.json().get("@context");
        if (context == null) {
            return Check.failed("ob3.context", "ob3.context.missing");
        }
        for (JsonNode entry : Json.list(credential.json(), "@context")) {
            if (entry.isString() && !canonicalizer.contexts().contains(entry.asString())) {
                return Check.failed("ob3.context", "jsonld.rejected.unknown-context", entry.asString());
            }
            if (!entry.isString() && !entry.isObject()) {
                return Check.failed("ob3.context", "ob3.context.missing");
            }
        }
        List<String> urls = credential.contexts();
        if (urls.isEmpty() || !urls.get(0).equals(OpenBadgeCredential.VCDM2_CONTEXT)
                && !urls.get(0).equals(OpenBadgeCredential.VCDM1_CONTEXT)) {
            return Check.failed("ob3.context", "ob3.context.missing-vc", OpenBadgeCredential.VCDM2_CONTEXT);
        }
        if (statusList) {
            return Check.passed("ob3.context", "ob3.context.passed-vc");
        }
        if (urls.stream().noneMatch(OB_CONTEXTS::contains)) {
            return Check.failed("ob3.context", "ob3.context.missing-ob");
        }
        if (urls.get(0).equals(OpenBadgeCredential.VCDM1_CONTEXT)) {
            return Check.warning("ob3.context", "ob3.context.vcdm1");
        }
        return Check.passed("ob3.context", "ob3.context.passed");
    }

    private static String describe(List<StructureCheck.Problem> problems) {
        StringBuilder out = new StringBuilder();
        for (StructureCheck.Problem problem : problems) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(problem.path()).append(" (").append(problem.kind()).append(')');
        }
        return out.toString();
    }

    /** integrity.md "Verifying" for VC-JWT: key from kid or a jwk bound to the issuer, signature, claims. */
    private Outcome jwtProof(VcJwts.DecodedJwt jwt) {
        String issuer = VcJwts.issuerId(jwt.credential());
        if (issuer == null) {
            return Outcome.of(Check.failed(EmbeddedProofs.CHECK, "ob3.proof.jwt-no-key"));
        }
        VerificationMethod method;
        try {
            method = jwtKey(jwt, issuer);
        } catch (KeyNotResolved e) {
            Check check = e.isOutage() ? Check.warning(EmbeddedProofs.CHECK, e.messageKey(), e.args().toArray())
                    : Check.failed(EmbeddedProofs.CHECK, e.messageKey(), e.args().toArray());
            return new Outcome(check, e.isOutage());
        }
        if (method == null) {
            return Outcome.of(Check.failed(EmbeddedProofs.CHECK, "ob3.proof.jwt-key-not-bound", issuer));
        }
        if (!method.controller().equals(issuer)) {
            return Outcome.of(Check.failed(EmbeddedProofs.CHECK, "ob3.proof.wrong-controller", method.id(), issuer));
        }
        if (!VcJwts.verifySignature(jwt, method.ed25519(), method.jwk())) {
            return Outcome.of(Check.failed(EmbeddedProofs.CHECK, "ob3.proof.bad-signature"));
        }
        List<String> disagreements = VcJwts.claimDisagreements(jwt);
        if (!disagreements.isEmpty()) {
            return Outcome.of(Check.failed(EmbeddedProofs.CHECK, "ob3.proof.jwt-claims", String.join(", ", disagreements)));
        }
        return Outcome.of(Check.passed(EmbeddedProofs.CHECK, "ob3.proof.passed-jwt", method.id(), jwt.algorithm()));
    }

    private @Nullable VerificationMethod jwtKey(VcJwts.DecodedJwt jwt, String issuer) throws KeyNotResolved {
        String kid = jwt.kid();
        if (kid != null) {
            String absolute = kid.startsWith("#") ? issuer + kid : kid;
            VerificationMethod method = keys.resolve(absolute);
            if (jwt.jwk() != null && !method.sameKey(jwt.jwk())) {
                return null;
            }
            return method;
        }
        if (jwt.jwk() != null) {
            // A bare jwk header proves nothing (HOSTILE S3): it must be one of the issuer's own keys.
            for (VerificationMethod method : keys.assertionMethods(issuer)) {
                if (method.sameKey(jwt.jwk())) {
                    return method;
                }
            }
        }
        return null;
    }

    /** verification.md step 4: now before validFrom → not yet valid; after validUntil (or JWT exp) → expired. */
    private Check validity(OpenBadgeCredential credential, VcJwts.@Nullable DecodedJwt jwt) {
        Instant now = clock.instant();
        Instant from = credential.validFrom();
        Instant until = credential.validUntil();
        if (jwt != null) {
            Instant nbf = VcJwts.notBefore(jwt);
            Instant exp = VcJwts.expiry(jwt);
            from = from == null ? nbf : from;
            until = until == null ? exp : until;
        }
        if (from != null && now.isBefore(from)) {
            return Check.failed("ob3.validity", "ob3.validity.not-yet-valid", from.toString());
        }
        if (until != null && now.isAfter(until)) {
            return Check.failed("ob3.validity", "ob3.validity.expired", until.toString());
        }
        return Check.passed("ob3.validity", "ob3.validity.passed");
    }

    /** verification.md step 5: subject id, or an identifier (hashed: {@code alg$hex(alg(value + salt))}). */
    private static Check recipientCheck(OpenBadgeCredential credential, String recipient) {
        OpenBadgeCredential.AchievementSubject subject = credential.credentialSubject();
        if (subject == null) {
            return Check.failed("ob3.recipient", "ob3.recipient.mismatch");
        }
        String candidate = recipient.strip();
        if (subject.id() != null && (subject.id().equals(candidate) || subject.id().equalsIgnoreCase("mailto:" + candidate))) {
            return Check.passed("ob3.recipient", "ob3.recipient.matched");
        }
        for (OpenBadgeCredential.IdentityObject identity : subject.identifier()) {
            String hash = identity.identityHash();
            if (hash == null) {
                continue;
            }
            if (!identity.hashed() ? hash.equals(candidate) || hash.equalsIgnoreCase(candidate) && candidate.contains("@")
                    : hashMatches(hash, candidate, identity.salt())) {
                return Check.passed("ob3.recipient", "ob3.recipient.matched");
            }
        }
        return Check.failed("ob3.recipient", "ob3.recipient.mismatch");
    }

    static boolean hashMatches(String identityHash, String candidate, @Nullable String salt) {
        int dollar = identityHash.indexOf('$');
        if (dollar < 0) {
            return false;
        }
        String algorithm = switch (identityHash.substring(0, dollar).toLowerCase(Locale.ROOT)) {
            case "sha256" -> "SHA-256";
            case "md5" -> "MD5";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm)
                    .digest((candidate + (salt == null ? "" : salt)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).equalsIgnoreCase(identityHash.substring(dollar + 1));
        } catch (NoSuchAlgorithmException e) {
            return false;
        }
    }

    /**
     * verification.md step 6: each endorsement embedded in the credential, its achievement or its issuer
     * profile is verified like a credential (steps 1–4), must endorse the object it is attached to, and gets
     * its own result. An endorsement adds trust and its failure takes none away from the badge: the check only
     * warns, and never marks the verification as an outage.
     */
    private Check endorsements(OpenBadgeCredential credential, List<BadgeView.Party> endorsers,
                               List<BadgeView.Endorsement> results) {
        List<Map.Entry<String, @Nullable String>> inputs = new ArrayList<>();
        collect(credential.json(), credential.id(), inputs);
        JsonNode achievementJson = credential.json().path("credentialSubject").path("achievement");
        if (achievementJson.isObject()) {
            collect(achievementJson, Json.text(achievementJson, "id"), inputs);
        }
        JsonNode issuerJson = credential.json().path("issuer");
        if (issuerJson.isObject()) {
            collect(issuerJson, Json.text(issuerJson, "id"), inputs);
        }
        if (inputs.isEmpty()) {
            return Check.skipped("ob3.endorsements", "ob3.endorsements.none");
        }
        int valid = 0;
        for (Map.Entry<String, @Nullable String> input : inputs) {
            BadgeView.Endorsement result = endorsement(input.getKey(), input.getValue());
            results.add(result);
            if (result.verdict() == Verdict.VALID) {
                valid++;
                endorsers.add(result.endorser());
            }
        }
        return valid == inputs.size() ? Check.passed("ob3.endorsements", "ob3.endorsements.passed", inputs.size())
                : Check.warning("ob3.endorsements", "ob3.endorsements.some-unverified", inputs.size() - valid,
                inputs.size());
    }

    private static void collect(JsonNode holder, @Nullable String target, List<Map.Entry<String, @Nullable String>> into) {
        for (JsonNode endorsement : Json.list(holder, "endorsement")) {
            into.add(new java.util.AbstractMap.SimpleImmutableEntry<>(endorsement.toString(), target));
        }
        for (String jwt : Json.texts(holder, "endorsementJwt")) {
            into.add(new java.util.AbstractMap.SimpleImmutableEntry<>(jwt, target));
        }
    }

    /** One endorsement's own verification: as a credential, then whether it endorses {@code target}. */
    private BadgeView.Endorsement endorsement(String input, @Nullable String target) {
        VerificationReport report = verify(input, isJson(input), null, false);
        List<Check> checks = new ArrayList<>(report.checks());
        Verdict verdict = report.verdict();
        BadgeView view = report.badge();
        ObjectNode json = null;
        try {
            json = isJson(input) ? BoundedJson.readObject(input.strip()) : VcJwts.decode(input.strip()).credential();
        } catch (BoundedJson.JsonUnreadable | VcJwtRejected unreadable) {
            // Already a failed parse check of the report.
        }
        String subject = json == null ? null : Json.text(json.path("credentialSubject"), "id");
        if (json != null && !Json.texts(json, "type").contains("EndorsementCredential")) {
            checks.add(Check.failed("ob3.endorsement.claim", "ob3.endorsement.not-an-endorsement"));
            verdict = Verdict.INVALID;
        } else if (json != null && (subject == null || !subject.equals(target))) {
            checks.add(Check.failed("ob3.endorsement.claim", "ob3.endorsement.other-target",
                    String.valueOf(subject), String.valueOf(target)));
            verdict = Verdict.INVALID;
        } else if (json != null) {
            checks.add(Check.passed("ob3.endorsement.claim", "ob3.endorsement.target"));
        }
        String comment = json == null ? null : Json.text(json.path("credentialSubject"), "endorsementComment");
        java.time.Instant date = view == null ? null : view.issuedOn();
        BadgeView.Party endorser = view == null ? new BadgeView.Party(null, "?", null, null) : view.issuer();
        return new BadgeView.Endorsement(endorser, view == null ? null : view.id(),
                target == null ? null : BadgeViews.uri(target), comment, date, verdict, checks);
    }
}
