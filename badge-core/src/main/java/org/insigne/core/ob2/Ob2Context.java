package org.insigne.core.ob2;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.signing.CompactJws;
import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.Payload;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.VerificationReport;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * One OB 2.0 verification as its probes share it: the checks so far, whether something needed was
 * unreachable, the documents fetched so far (each fetched once per verification), and what earlier probes
 * found (the assertion as given and as hosted, its badge class, its issuer...). Not thread-safe: one per
 * verification.
 */
final class Ob2Context {

    /** OB 2.0 class names (the context's terms); other type values must be IRIs. */
    static final Set<String> KNOWN_CLASSES = Set.of("AlignmentObject", "CryptographicKey", "Endorsement",
            "Assertion", "BadgeClass", "Criteria", "Evidence", "Extension", "FrameValidation", "IdentityObject",
            "Image", "HostedBadge", "hosted", "Issuer", "Profile", "RevocationList", "SignedBadge", "signed",
            "TypeValidation", "VerificationObject");

    /** Where the document being verified came from, which the parse check reports. */
    enum Origin { TEXT, URL, JWS }

    private final Ob2Documents documents;
    private final Payload payload;
    private final @Nullable String recipient;
    private final List<Check> checks = new ArrayList<>();
    private final Map<URI, Ob2Documents.Loaded> loaded = new HashMap<>();
    private boolean outage;

    // What the parse probe found.
    private Origin origin = Origin.TEXT;
    private @Nullable URI fetchedFrom;
    private @Nullable CompactJws jws;
    private @Nullable JsonNode given;

    // What later probes found.
    private @Nullable JsonNode assertionJson;
    private boolean revokedByHost;
    private @Nullable String hostReason;
    private @Nullable Assertion assertion;
    private @Nullable BadgeClass badge;
    private @Nullable Profile issuer;
    private List<BadgeView.Party> endorsers = List.of();
    private List<BadgeView.Endorsement> endorsements = List.of();

    Ob2Context(Ob2Documents documents, Payload payload, @Nullable String recipient) {
        this.documents = documents;
        this.payload = payload;
        this.recipient = recipient == null || recipient.isBlank() ? null : recipient;
    }

    Payload payload() {
        return payload;
    }

    @Nullable String recipient() {
        return recipient;
    }

    Ob2Documents documents() {
        return documents;
    }

    // ---- checks ------------------------------------------------------------------------------------

    void add(Check check) {
        checks.add(check);
    }

    /** Adds a failed check; false, so that a probe can stop with {@code return context.fail(...)}. */
    boolean fail(String checkId, String key, Object... args) {
        checks.add(Check.failed(checkId, key, args));
        return false;
    }

    /** A needed document could not be reached: the verdict can no longer be "valid", only indeterminate. */
    void outage() {
        outage = true;
    }

    int checkCount() {
        return checks.size();
    }

    /** Forgets the checks added since {@code count}, when a probe used a check only for its answer. */
    void dropChecksFrom(int count) {
        checks.subList(count, checks.size()).clear();
    }

    VerificationReport report(@Nullable BadgeView view) {
        return new VerificationReport(Spec.OB2, VerificationReport.verdictOf(checks, outage), checks, view);
    }

    // ---- what the probes found ---------------------------------------------------------------------

    Origin origin() {
        return origin;
    }

    void origin(Origin origin) {
        this.origin = origin;
    }

    @Nullable URI fetchedFrom() {
        return fetchedFrom;
    }

    void fetchedFrom(URI url) {
        this.fetchedFrom = url;
    }

    @Nullable CompactJws jws() {
        return jws;
    }

    void jws(CompactJws token) {
        this.jws = token;
    }

    /** The assertion as the user gave it. */
    JsonNode given() {
        return Objects.requireNonNull(given, "given");
    }

    void given(JsonNode json) {
        this.given = json;
        this.assertionJson = json;
    }

    /** The assertion being verified: the issuer's hosted copy when there is one, else as given. */
    JsonNode assertionJson() {
        return Objects.requireNonNull(assertionJson, "assertionJson");
    }

    void hostedCopy(JsonNode json) {
        this.assertionJson = json;
    }

    /** The host revoked the assertion (410 Gone, or its copy says {@code revoked}), with its reason if any. */
    void revokedByHost(@Nullable String reason) {
        this.revokedByHost = true;
        this.hostReason = reason;
    }

    boolean isRevokedByHost() {
        return revokedByHost;
    }

    @Nullable String hostReason() {
        return hostReason;
    }

    Assertion assertion() {
        return Objects.requireNonNull(assertion, "assertion");
    }

    void assertion(Assertion assertion) {
        this.assertion = assertion;
    }

    BadgeClass badge() {
        return Objects.requireNonNull(badge, "badge");
    }

    void badge(BadgeClass badge) {
        this.badge = badge;
    }

    Profile issuer() {
        return Objects.requireNonNull(issuer, "issuer");
    }

    void issuer(Profile issuer) {
        this.issuer = issuer;
    }

    List<BadgeView.Party> endorsers() {
        return endorsers;
    }

    List<BadgeView.Endorsement> endorsements() {
        return endorsements;
    }

    void endorsements(List<BadgeView.Endorsement> endorsements) {
        this.endorsements = List.copyOf(endorsements);
    }

    void endorsers(List<BadgeView.Party> endorsers) {
        this.endorsers = List.copyOf(endorsers);
    }

    String parseKey() {
        return switch (origin) {
            case JWS -> "ob2.parse.jws";
            case URL -> "ob2.parse.url";
            case TEXT -> "ob2.parse.json";
        };
    }

    // ---- documents ---------------------------------------------------------------------------------

    /** Fetches (once per verification) and parses the document at {@code id}. */
    Ob2Documents.Loaded load(URI id) {
        Ob2Documents.Loaded known = loaded.get(id);
        if (known != null) {
            return known;
        }
        Ob2Documents.Loaded result = documents.load(id);
        loaded.put(id, result);
        return result;
    }

    /** Loads a document a check cannot do without; records the failure under {@code checkId}. */
    @Nullable JsonNode loadRequired(URI id, String checkId) {
        if (!Ob2Documents.isHttp(id)) {
            checks.add(Check.failed(checkId, "ob2.fetch.not-fetchable", id.toString()));
            return null;
        }
        Ob2Documents.Loaded result = load(id);
        if (result.tree() == null) {
            reportLoadFailure(checkId, result, id);
            return null;
        }
        return result.tree();
    }

    void reportLoadFailure(String checkId, Ob2Documents.Loaded result, URI id) {
        FetchFailed failure = result.failure();
        if (failure != null) {
            if (result.isOutage()) {
                outage = true;
                checks.add(Check.skipped(checkId, failure.messageKey(), Ob2Documents.fetchArgs(failure, id)));
            } else {
                checks.add(Check.failed(checkId, failure.messageKey(), Ob2Documents.fetchArgs(failure, id)));
            }
        } else {
            checks.add(Check.failed(checkId, "ob2.fetch.unreadable", id.toString()));
        }
    }

    /** The document the user pointed at could not be fetched. */
    void unreachable(String checkId, FetchFailed failed) {
        if (failed.isOutage() || failed.reason() == FetchFailed.Reason.NOT_FOUND) {
            outage = true;
            checks.add(Check.skipped(checkId, failed.messageKey(), Ob2Documents.fetchArgs(failed, failed.uri())));
        } else {
            checks.add(Check.failed(checkId, failed.messageKey(), Ob2Documents.fetchArgs(failed, failed.uri())));
        }
    }

    /**
     * A document that names itself by a web address must be served from that address's host (or be
     * redirected there): otherwise any site could publish a profile or key claiming another issuer's id.
     * Ids that are not web addresses (urn:uuid) carry no such claim.
     */
    boolean servedFromItsOwnHost(URI declaredId, URI fetchedFrom) {
        if (!Ob2Documents.isHttp(declaredId)) {
            return true;
        }
        Ob2Documents.Loaded result = loaded.get(fetchedFrom);
        URI finalUri = result == null ? null : result.finalUri();
        return Ob2Documents.sameHost(declaredId, fetchedFrom)
                || finalUri != null && Ob2Documents.sameHost(declaredId, finalUri);
    }

    // ---- shared document rules ---------------------------------------------------------------------

    /** The OB 2.0 (or, with a warning, 1.x or no) context; anything else fails {@code checkId}. */
    boolean contextAccepted(JsonNode json, String checkId) {
        switch (Ob2Contexts.of(json)) {
            case OB2 -> {
                return true;
            }
            case OB1 -> {
                checks.add(Check.warning(Ob2Verifier.CONTEXT, "ob2.context.v1"));
                return true;
            }
            case ABSENT -> {
                if (checkId.equals(Ob2Verifier.STRUCTURE)) {
                    checks.add(Check.warning(Ob2Verifier.CONTEXT, "ob2.context.absent"));
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
    boolean typesKnown(List<String> types, JsonNode json) {
        if (json.get("type") != null && types.isEmpty()) {
            checks.add(Check.failed(Ob2Verifier.STRUCTURE, "ob2.read.empty-type", "type"));
            return false;
        }
        for (String type : types) {
            if (!KNOWN_CLASSES.contains(type) && !type.contains(":")) {
                checks.add(Check.failed(Ob2Verifier.STRUCTURE, "ob2.structure.unknown-class", type));
                return false;
            }
        }
        return true;
    }

    /** The {@code type} values as written, non-strings as their JSON text. */
    static List<String> rawTypes(JsonNode json) {
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

    static @Nullable String textOrNull(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
