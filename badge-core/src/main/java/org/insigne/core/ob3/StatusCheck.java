package org.insigne.core.ob3;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.VcJwts;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revocation and suspension (OB 3.0 verification.md step 4; HOSTILE S12, S13): {@code 1EdTechRevocationList},
 * {@code BitstringStatusListEntry} and, read-only, {@code StatusList2021Entry}. A status that cannot be
 * established (list unreachable, expired, tampered, unsigned from a third party, or from a third party the
 * {@link StatusListTrust} refuses) is a warning that makes the verdict indeterminate, never a green tick. A
 * list signed by another issuer and believed adds the warning check {@code ob3.status-list} naming it.
 */
final class StatusCheck {

    static final String CHECK = "ob3.status";
    /** The check saying who, other than the badge's issuer, vouches for the status list. */
    static final String LIST_ISSUER_CHECK = "ob3.status-list";

    private final DocumentFetcher fetcher;
    private final EmbeddedProofs proofs;
    private final Clock clock;
    private final StatusListTrust trust;

    StatusCheck(DocumentFetcher fetcher, EmbeddedProofs proofs, Clock clock, StatusListTrust trust) {
        this.fetcher = fetcher;
        this.proofs = proofs;
        this.clock = clock;
        this.trust = trust;
    }

    /**
     * The {@code ob3.status} outcome first, then one {@code ob3.status-list} warning per status list that
     * another issuer signed and that was believed.
     */
    List<Outcome> check(OpenBadgeCredential credential) {
        JsonNode status = credential.json().get("credentialStatus");
        if (status == null) {
            return List.of(Outcome.of(Check.skipped(CHECK, "ob3.status.none")));
        }
        // The specification allows one entry; some issuers publish several (revocation and suspension).
        Outcome worst = null;
        Set<Check> listIssuers = new LinkedHashSet<>();
        for (JsonNode entry : Json.list(credential.json(), "credentialStatus")) {
            Outcome outcome = entry.isObject() ? checkEntry(credential, entry, listIssuers)
                    : Outcome.of(Check.failed(CHECK, "ob3.status.list-invalid", "credentialStatus"));
            if (worst == null || rank(outcome) > rank(worst)) {
                worst = outcome;
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(Objects.requireNonNull(worst));
        listIssuers.forEach(check -> outcomes.add(Outcome.of(check)));
        return outcomes;
    }

    private static int rank(Outcome outcome) {
        return switch (outcome.check().status()) {
            case FAILED -> 3;
            case WARNING -> 2;
            case PASSED -> 1;
            case SKIPPED -> 0;
        };
    }

    private Outcome checkEntry(OpenBadgeCredential credential, JsonNode entry, Set<Check> listIssuers) {
        String type = String.valueOf(Json.text(entry, "type"));
        return switch (type) {
            case "1EdTechRevocationList" -> revocationList(credential, entry);
            case "BitstringStatusListEntry" -> statusList(credential, entry, StatusListCredentials.BITSTRING,
                    "BitstringStatusList", listIssuers);
            case "StatusList2021Entry" -> statusList(credential, entry, StatusListCredentials.LIST_2021,
                    "StatusList2021", listIssuers);
            default -> Outcome.outage(Check.warning(CHECK, "ob3.status.unsupported", type));
        };
    }

    /** OB 3.0 §"1EdTech Revocation List Status Method": {@code revokedCredential[] {id, revoked?, revocationReason?}}. */
    private Outcome revocationList(OpenBadgeCredential credential, JsonNode entry) {
        ObjectNode list;
        try {
            list = fetchJson(Json.text(entry, "id"));
        } catch (Unavailable e) {
            return e.outcome;
        }
        for (JsonNode revoked : Json.list(list, "revokedCredential")) {
            if (Objects.equals(Json.text(revoked, "id"), credential.id())) {
                JsonNode flag = revoked.get("revoked");
                if (flag == null || flag.asBoolean(true)) {
                    return Outcome.of(Check.failed(CHECK, "ob3.status.revoked",
                            reason(Json.text(revoked, "revocationReason"))));
                }
            }
        }
        return Outcome.of(Check.passed(CHECK, "ob3.status.active"));
    }

    /** vc-bitstring-status-list §3.2 "Validate Algorithm". */
    private Outcome statusList(OpenBadgeCredential credential, JsonNode entry, String listType, String subjectType,
                               Set<Check> listIssuers) {
        String purpose = Json.text(entry, "statusPurpose");
        int index;
        JsonNode indexNode = entry.get("statusListIndex");
        try {
            // A string in the W3C specification, an integer in 1EdTech samples: accept both.
            index = indexNode == null ? -1 : indexNode.isNumber() ? indexNode.intValue()
                    : Integer.parseInt(indexNode.asString(""));
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || purpose == null) {
            return Outcome.of(Check.failed(CHECK, "ob3.status.list-invalid", "statusListIndex"));
        }
        ObjectNode list;
        try {
            list = fetchJson(Json.text(entry, "statusListCredential"));
        } catch (Unavailable e) {
            return e.outcome;
        }
        OpenBadgeCredential listCredential = OpenBadgeCredential.of(list);
        if (!listCredential.type().contains(listType)) {
            return unverifiable("type");
        }
        String listIssuer = VcJwts.issuerId(list);
        boolean issuersList = Objects.equals(listIssuer, credential.issuerId());
        // §3.2 leaves whom to believe to the verifier; a third party's list must at least prove who signed it.
        if (!issuersList && (trust == StatusListTrust.ISSUER_ONLY || listIssuer == null)) {
            return unverifiable("issuer");
        }
        Instant now = clock.instant();
        if (listCredential.validFrom() != null && now.isBefore(listCredential.validFrom())
                || listCredential.validUntil() != null && now.isAfter(listCredential.validUntil())) {
            return unverifiable("validity");
        }
        if (!listCredential.proof().isEmpty() || !issuersList) {
            // EmbeddedProofs binds the key to the list's own issuer (its controller must be that issuer).
            Outcome proof = proofs.verify(list);
            if (proof.check().status() != CheckStatus.PASSED) {
                return unverifiable("proof");
            }
        }
        JsonNode subject = list.get("credentialSubject");
        if (subject == null || !Json.texts(subject, "type").contains(subjectType)) {
            return unverifiable("credentialSubject.type");
        }
        if (!purpose.equals(Json.text(subject, "statusPurpose"))) {
            return unverifiable("statusPurpose");
        }
        String encoded = Json.text(subject, "encodedList");
        if (encoded == null) {
            return unverifiable("encodedList");
        }
        BitstringStatusList bits;
        try {
            bits = BitstringStatusList.decode(encoded);
        } catch (BitstringStatusList.StatusListUnreadable e) {
            return unverifiable("encodedList");
        }
        if (index >= bits.size()) {
            return Outcome.of(Check.failed(CHECK, "ob3.status.list-invalid", "statusListIndex"));
        }
        if (!issuersList) {
            // Another issuer's list without an issuer was refused above.
            listIssuers.add(Check.warning(LIST_ISSUER_CHECK, "ob3.status-list.other-issuer",
                    Objects.requireNonNull(listIssuer),
                    String.valueOf(credential.issuerId())));
        }
        if (!bits.get(index)) {
            return Outcome.of(Check.passed(CHECK, "ob3.status.active"));
        }
        return switch (purpose) {
            case "revocation" -> Outcome.of(Check.failed(CHECK, "ob3.status.revoked", reason(null)));
            case "suspension" -> Outcome.of(Check.failed(CHECK, "ob3.status.suspended"));
            default -> Outcome.of(Check.warning(CHECK, "ob3.status.flagged", purpose));
        };
    }

    private static Outcome unverifiable(String what) {
        return Outcome.outage(Check.warning(CHECK, "ob3.status.list-unverifiable", what));
    }

    private static String reason(@Nullable String reason) {
        return reason == null || reason.isBlank() ? "-" : reason;
    }

    private ObjectNode fetchJson(@Nullable String url) throws Unavailable {
        if (url == null) {
            throw new Unavailable(Outcome.of(Check.failed(CHECK, "ob3.status.list-invalid", "id")));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Unavailable(Outcome.of(Check.failed(CHECK, "ob3.status.list-invalid", url)));
        }
        try {
            return BoundedJson.readObject(fetcher.fetch(uri, DocumentFetcher.Expect.JSON).body());
        } catch (FetchFailed e) {
            throw new Unavailable(Outcome.outage(Check.warning(CHECK, "ob3.status.unreachable", url)));
        } catch (BoundedJson.JsonUnreadable e) {
            throw new Unavailable(unverifiable("JSON"));
        }
    }

    private static final class Unavailable extends Exception {
        final Outcome outcome;

        Unavailable(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
