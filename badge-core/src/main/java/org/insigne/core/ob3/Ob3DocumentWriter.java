package org.insigne.core.ob3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.insigne.core.did.DidDocumentWriter;
import org.insigne.core.jsonld.BoundedJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the documents an Open Badges 3.0 issuer publishes besides its credentials (those are
 * {@link CredentialWriter}'s): its Profile with Multikey verification methods, each Multikey document, the
 * 1EdTech revocation list and the Bitstring Status List credential. Each takes one draft of typed values and
 * URLs already made; the same draft always gives the same bytes. Documents to be signed come back unsigned,
 * as trees for {@link org.insigne.core.signing.DataIntegrityProofs}.
 */
public final class Ob3DocumentWriter {

    private Ob3DocumentWriter() {
    }

    /** A Multikey verification method (Controlled Identifiers §2.2.2) of {@code controller}. */
    public record Multikey(String id, String controller, String publicKeyMultibase) {
        public Multikey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(controller, "controller");
            Objects.requireNonNull(publicKeyMultibase, "publicKeyMultibase");
        }
    }

    /** The issuer's Profile (OB 3.0 §B.1.14) as a document listing its keys, all of them assertion methods. */
    public record ProfileDraft(String id, String name, @Nullable String url, @Nullable String description,
                               List<Multikey> keys) {
        public ProfileDraft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            keys = List.copyOf(keys);
        }
    }

    /**
     * A 1EdTech revocation list: the revoked credentials of {@code issuer}, each id with the reason the issuer
     * gave, when there is one.
     */
    public record RevocationListDraft(String id, String issuer, List<Revoked> revoked) {
        public RevocationListDraft {
            revoked = List.copyOf(revoked);
        }

        public record Revoked(String id, @Nullable String reason) {
        }
    }

    /**
     * A BitstringStatusListCredential (vc-bitstring-status-list §2.2) published at {@code id}; {@code issuer} must be
     * the issuer of the credentials pointing into it, so that verifiers accept it for them (§3.2 step 7).
     */
    public record StatusListDraft(String id, String issuer, Instant validFrom, String purpose, BitstringStatusList bits) {
        public StatusListDraft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(bits, "bits");
        }
    }

    /**
     * An EndorsementCredential (OB 3.0 §B.2.3): {@code issuer} endorses the profile or achievement {@code subject}
     * with {@code comment}; {@code status} is its own entry in the endorser's status list, so that withdrawing
     * it revokes it.
     */
    public record EndorsementDraft(String id, OpenBadgeCredential.Profile issuer, String name, Instant validFrom,
                                   String subject, String comment, CredentialWriter.StatusEntry status) {
        public EndorsementDraft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(comment, "comment");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The unsigned endorsement credential; sign it with the endorser's key. */
    public static ObjectNode endorsement(EndorsementDraft draft) {
        ObjectNode c = BoundedJson.MAPPER.createObjectNode();
        c.putArray("@context").add(OpenBadgeCredential.VCDM2_CONTEXT).add(CredentialWriter.OB_CONTEXT);
        c.put("id", draft.id());
        c.putArray("type").add("VerifiableCredential").add("EndorsementCredential");
        ObjectNode issuer = c.putObject("issuer");
        issuer.put("id", draft.issuer().id());
        issuer.putArray("type").add("Profile");
        putOptional(issuer, "name", draft.issuer().name());
        putOptional(issuer, "url", draft.issuer().url());
        c.put("name", draft.name());
        c.put("validFrom", draft.validFrom().truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode subject = c.putObject("credentialSubject");
        subject.put("id", draft.subject());
        subject.putArray("type").add("EndorsementSubject");
        subject.put("endorsementComment", draft.comment());
        CredentialWriter.putStatus(c, draft.status());
        return c;
    }

    /**
     * {@code document} (a Profile or Achievement as written here) with the signed endorsement credentials in its
     * {@code endorsement} array, in the order given; without any, the very same bytes, so that documents nobody
     * endorsed never change.
     */
    public static byte[] withEndorsements(byte[] document, List<byte[]> signedEndorsements) {
        if (signedEndorsements.isEmpty()) {
            return document;
        }
        try {
            ObjectNode node = BoundedJson.readObject(document);
            ArrayNode list = node.putArray("endorsement");
            for (byte[] endorsement : signedEndorsements) {
                list.add(BoundedJson.readObject(endorsement));
            }
            return write(node);
        } catch (BoundedJson.JsonUnreadable e) {
            throw new IllegalArgumentException("document or endorsement unreadable", e);
        }
    }

    public static byte[] profile(ProfileDraft draft) {
        ObjectNode p = BoundedJson.MAPPER.createObjectNode();
        p.putArray("@context").add(OpenBadgeCredential.VCDM2_CONTEXT).add(CredentialWriter.OB_CONTEXT)
                .add(DidDocumentWriter.MULTIKEY_CONTEXT);
        p.put("id", draft.id());
        p.putArray("type").add("Profile");
        p.put("name", draft.name());
        putOptional(p, "url", draft.url());
        putOptional(p, "description", draft.description());
        ArrayNode methods = p.putArray("verificationMethod");
        ArrayNode assertion = p.putArray("assertionMethod");
        for (Multikey key : draft.keys()) {
            methods.add(multikeyNode(key));
            assertion.add(key.id());
        }
        return write(p);
    }

    /** A Multikey at its own URL; its context comes last, as Insigne has always written it. */
    public static byte[] multikey(Multikey key) {
        ObjectNode k = multikeyNode(key);
        k.putArray("@context").add(DidDocumentWriter.MULTIKEY_CONTEXT);
        return write(k);
    }

    public static byte[] revocationList(RevocationListDraft draft) {
        ObjectNode r = BoundedJson.MAPPER.createObjectNode();
        r.put("id", draft.id());
        r.put("issuer", draft.issuer());
        ArrayNode list = r.putArray("revokedCredential");
        for (RevocationListDraft.Revoked revoked : draft.revoked()) {
            ObjectNode entry = list.addObject();
            entry.put("id", revoked.id());
            entry.put("revoked", true);
            putOptional(entry, "revocationReason", revoked.reason());
        }
        return write(r);
    }

    /** The unsigned status list credential, its subject at {@code id#list}. */
    public static ObjectNode statusList(StatusListDraft draft) {
        ObjectNode c = BoundedJson.MAPPER.createObjectNode();
        c.putArray("@context").add(OpenBadgeCredential.VCDM2_CONTEXT);
        c.put("id", draft.id());
        c.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        c.put("issuer", draft.issuer());
        c.put("validFrom", draft.validFrom().truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode subject = c.putObject("credentialSubject");
        subject.put("id", draft.id() + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", draft.purpose());
        subject.put("encodedList", draft.bits().encode());
        return c;
    }

    private static ObjectNode multikeyNode(Multikey key) {
        ObjectNode k = BoundedJson.MAPPER.createObjectNode();
        k.put("id", key.id());
        k.put("type", "Multikey");
        k.put("controller", key.controller());
        k.put("publicKeyMultibase", key.publicKeyMultibase());
        return k;
    }

    private static void putOptional(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static byte[] write(ObjectNode node) {
        return BoundedJson.MAPPER.writeValueAsBytes(node);
    }
}
