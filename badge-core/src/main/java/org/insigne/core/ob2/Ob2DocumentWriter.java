package org.insigne.core.ob2;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.insigne.core.jsonld.BoundedJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the documents an Open Badges 2.0 issuer publishes, each from one draft: the Issuer Profile, the
 * BadgeClass, the hosted Assertion and its signed form, the RevocationList, and what a revoked hosted assertion
 * answers. A draft holds typed values and every URL already made: where documents live is the publisher's
 * business, not the specification's. The bytes go through {@link Ob2Writer}, so the same draft always gives
 * the same bytes; sign or store them as they are.
 */
public final class Ob2DocumentWriter {

    private Ob2DocumentWriter() {
    }

    /** OB 2.0 §Profile of an issuer; {@code publicKeys} are the URLs of its CryptographicKey documents. */
    public record IssuerDraft(String id, String name, String url, @Nullable String email, @Nullable String description,
                              @Nullable String image, List<String> publicKeys, String revocationList) {
        public IssuerDraft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(revocationList, "revocationList");
            publicKeys = List.copyOf(publicKeys);
        }
    }

    /** OB 2.0 §AlignmentObject. */
    public record AlignmentDraft(String targetName, String targetUrl, String targetFramework,
                                 @Nullable String targetCode) {
        public AlignmentDraft {
            Objects.requireNonNull(targetName, "targetName");
            Objects.requireNonNull(targetUrl, "targetUrl");
            Objects.requireNonNull(targetFramework, "targetFramework");
        }
    }

    /** OB 2.0 §BadgeClass, with its criteria as a narrative (Markdown). */
    public record BadgeClassDraft(String id, String name, String description, String image, String criteriaNarrative,
                                  String issuer, List<AlignmentDraft> alignments, List<String> tags) {
        public BadgeClassDraft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(criteriaNarrative, "criteriaNarrative");
            Objects.requireNonNull(issuer, "issuer");
            alignments = List.copyOf(alignments);
            tags = List.copyOf(tags);
        }
    }

    /** OB 2.0 §Evidence: a URL, a narrative, or both, and a name for the URL (a file's name). */
    public record EvidenceDraft(@Nullable String id, @Nullable String narrative, @Nullable String name) {
        public EvidenceDraft {
            if (id == null && narrative == null) {
                throw new IllegalArgumentException("evidence needs an id or a narrative");
            }
        }

        public EvidenceDraft(@Nullable String id, @Nullable String narrative) {
            this(id, narrative, null);
        }
    }

    /**
     * OB 2.0 §Assertion verified as a HostedBadge: its {@code id} is the URL it is served at. {@code moreEvidence}
     * follows {@code evidence} in the assertion's evidence array (an application's public links and files).
     */
    public record AssertionDraft(String id, IdentityObject recipient, String badge, Instant issuedOn,
                                 @Nullable Instant expires, @Nullable EvidenceDraft evidence,
                                 List<EvidenceDraft> moreEvidence) {
        public AssertionDraft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(badge, "badge");
            Objects.requireNonNull(issuedOn, "issuedOn");
            moreEvidence = List.copyOf(moreEvidence);
        }

        public AssertionDraft(String id, IdentityObject recipient, String badge, Instant issuedOn,
                              @Nullable Instant expires, @Nullable EvidenceDraft evidence) {
            this(id, recipient, badge, issuedOn, expires, evidence, List.of());
        }
    }

    /** One revoked assertion, by its id, with the reason the issuer gave when there is one. */
    public record Revoked(String id, @Nullable String reason) {
        public Revoked {
            Objects.requireNonNull(id, "id");
        }
    }

    /** OB 2.0 §RevocationList of an issuer. */
    public record RevocationListDraft(String id, String issuer, List<Revoked> revoked) {
        public RevocationListDraft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(issuer, "issuer");
            revoked = List.copyOf(revoked);
        }
    }

    /**
     * The signed form of a hosted assertion (OB 2.0 §"Signed Badges"): {@code hostedAssertion} as written by
     * {@link #assertion}, its verification now {@code SignedBadge} naming the key URL {@code creator}.
     */
    public record SignedBadgeDraft(byte[] hostedAssertion, String creator) {
        public SignedBadgeDraft {
            hostedAssertion = hostedAssertion.clone();
            Objects.requireNonNull(creator, "creator");
        }

        @Override
        public byte[] hostedAssertion() {
            return hostedAssertion.clone();
        }
    }

    /**
     * OB 2.0 §Endorsement, hosted at {@code id}: the issuer at {@code issuer} (its Profile URL) endorses the
     * document {@code claim} (a BadgeClass or Profile id) with {@code comment} (Markdown).
     */
    public record EndorsementDraft(String id, String claim, String comment, String issuer, Instant issuedOn) {
        public EndorsementDraft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(comment, "comment");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(issuedOn, "issuedOn");
        }
    }

    public static byte[] endorsement(EndorsementDraft draft) {
        ObjectNode e = BoundedJson.MAPPER.createObjectNode();
        e.put("type", "Endorsement");
        e.put("id", draft.id());
        ObjectNode claim = e.putObject("claim");
        claim.put("id", draft.claim());
        claim.put("endorsementComment", draft.comment());
        e.put("issuer", draft.issuer());
        e.put("issuedOn", instant(draft.issuedOn()));
        e.putObject("verification").put("type", "HostedBadge");
        return Ob2Writer.write(e);
    }

    /** What a withdrawn hosted endorsement answers (with 410 Gone), like a revoked assertion. */
    public static byte[] withdrawnEndorsement(String id) {
        ObjectNode r = BoundedJson.MAPPER.createObjectNode();
        r.put("id", id);
        r.put("type", "Endorsement");
        r.put("revoked", true);
        return Ob2Writer.write(r);
    }

    /**
     * {@code document} (a Profile or BadgeClass as written here) listing the URLs of its hosted endorsements in
     * {@code endorsement}; without any, the very same bytes.
     */
    public static byte[] withEndorsements(byte[] document, List<String> endorsementUrls) {
        if (endorsementUrls.isEmpty()) {
            return document;
        }
        try {
            ObjectNode node = BoundedJson.readObject(document);
            ArrayNode list = node.putArray("endorsement");
            endorsementUrls.forEach(list::add);
            return Ob2Writer.write(node);
        } catch (BoundedJson.JsonUnreadable e) {
            throw new IllegalArgumentException("document unreadable", e);
        }
    }

    /** The 1EdTech Apply Link extension's context, which its OB 2.0 form names inside the extension. */
    public static final String APPLY_LINK_CONTEXT =
            "https://openbadgespec.org/extensions/applyLinkExtension/context.json";

    /**
     * {@code document} (a BadgeClass as written here) with the 1EdTech Apply Link extension: where people
     * apply for the badge. Without an address, the very same bytes. Added as it is, after the writer's
     * ordering, which keeps no nested {@code @context}: the extension needs its own.
     */
    public static byte[] withApplyLink(byte[] document, @Nullable String applyUrl) {
        if (applyUrl == null) {
            return document;
        }
        try {
            ObjectNode node = BoundedJson.readObject(document);
            ObjectNode extension = node.putObject("extensions:ApplyLink");
            extension.put("@context", APPLY_LINK_CONTEXT);
            extension.putArray("type").add("Extension").add("extensions:ApplyLink");
            extension.put("url", applyUrl);
            return Ob2Json.MAPPER.writeValueAsBytes(node);
        } catch (BoundedJson.JsonUnreadable e) {
            throw new IllegalArgumentException("document unreadable", e);
        }
    }

    /**
     * {@code assertion} (as {@link #assertion} wrote it) with the earner's own account of what the badge
     * recognises as the Assertion's {@code narrative} (ob_v2p0 Assertion: "a narrative that connects multiple
     * pieces of evidence"), Markdown as the spec allows. Without a narrative, the very same bytes.
     */
    public static byte[] withNarrative(byte[] assertion, @Nullable String narrative) {
        if (narrative == null || narrative.isBlank()) {
            return assertion;
        }
        try {
            ObjectNode node = BoundedJson.readObject(assertion);
            node.put("narrative", narrative);
            return Ob2Writer.write(node);
        } catch (BoundedJson.JsonUnreadable e) {
            throw new IllegalArgumentException("assertion unreadable", e);
        }
    }

    public static byte[] issuer(IssuerDraft draft) {
        ObjectNode p = BoundedJson.MAPPER.createObjectNode();
        p.put("type", "Issuer");
        p.put("id", draft.id());
        p.put("name", draft.name());
        p.put("url", draft.url());
        putOptional(p, "email", draft.email());
        putOptional(p, "description", draft.description());
        putOptional(p, "image", draft.image());
        ArrayNode keys = p.putArray("publicKey");
        draft.publicKeys().forEach(keys::add);
        p.put("revocationList", draft.revocationList());
        return Ob2Writer.write(p);
    }

    public static byte[] badgeClass(BadgeClassDraft draft) {
        ObjectNode b = BoundedJson.MAPPER.createObjectNode();
        b.put("type", "BadgeClass");
        b.put("id", draft.id());
        b.put("name", draft.name());
        b.put("description", draft.description());
        b.put("image", draft.image());
        b.putObject("criteria").put("narrative", draft.criteriaNarrative());
        b.put("issuer", draft.issuer());
        if (!draft.alignments().isEmpty()) {
            ArrayNode alignments = b.putArray("alignment");
            for (AlignmentDraft alignment : draft.alignments()) {
                ObjectNode a = alignments.addObject();
                a.put("targetName", alignment.targetName());
                a.put("targetUrl", alignment.targetUrl());
                a.put("targetFramework", alignment.targetFramework());
                putOptional(a, "targetCode", alignment.targetCode());
            }
        }
        if (!draft.tags().isEmpty()) {
            ArrayNode tags = b.putArray("tags");
            draft.tags().forEach(tags::add);
        }
        return Ob2Writer.write(b);
    }

    public static byte[] assertion(AssertionDraft draft) {
        ObjectNode a = BoundedJson.MAPPER.createObjectNode();
        a.put("type", "Assertion");
        a.put("id", draft.id());
        a.set("recipient", draft.recipient().json());
        a.put("badge", draft.badge());
        a.putObject("verification").put("type", "HostedBadge");
        a.put("issuedOn", instant(draft.issuedOn()));
        Instant expires = draft.expires();
        if (expires != null) {
            a.put("expires", instant(expires));
        }
        List<EvidenceDraft> evidence = new ArrayList<>();
        EvidenceDraft first = draft.evidence();
        if (first != null) {
            evidence.add(first);
        }
        evidence.addAll(draft.moreEvidence());
        if (!evidence.isEmpty()) {
            ArrayNode items = a.putArray("evidence");
            for (EvidenceDraft item : evidence) {
                ObjectNode e = items.addObject();
                e.put("type", "Evidence");
                putOptional(e, "id", item.id());
                putOptional(e, "narrative", item.narrative());
                putOptional(e, "name", item.name());
            }
        }
        return Ob2Writer.write(a);
    }

    /**
     * What a revoked hosted assertion answers instead of itself (ob_v2p0 "Hosted verification", served with
     * 410 Gone): that it is revoked and why, nothing else.
     */
    public static byte[] revokedAssertion(Revoked revoked) {
        ObjectNode r = BoundedJson.MAPPER.createObjectNode();
        r.put("id", revoked.id());
        r.put("type", "Assertion");
        r.put("revoked", true);
        putOptional(r, "revocationReason", revoked.reason());
        return Ob2Writer.write(r);
    }

    public static byte[] revocationList(RevocationListDraft draft) {
        ObjectNode r = BoundedJson.MAPPER.createObjectNode();
        r.put("id", draft.id());
        r.put("type", "RevocationList");
        r.put("issuer", draft.issuer());
        ArrayNode list = r.putArray("revokedAssertions");
        for (Revoked revoked : draft.revoked()) {
            ObjectNode entry = list.addObject();
            entry.put("id", revoked.id());
            putOptional(entry, "revocationReason", revoked.reason());
        }
        return Ob2Writer.write(r);
    }

    /**
     * The payload to sign for the signed form; the id stays the hosted URL, which is what the issuer's revocation
     * list names.
     *
     * @throws IllegalArgumentException when {@code hostedAssertion} is not a JSON object
     */
    public static byte[] signedBadgePayload(SignedBadgeDraft draft) {
        ObjectNode assertion;
        try {
            assertion = BoundedJson.readObject(draft.hostedAssertion());
        } catch (BoundedJson.JsonUnreadable e) {
            throw new IllegalArgumentException("hosted assertion unreadable", e);
        }
        ObjectNode verification = BoundedJson.MAPPER.createObjectNode();
        verification.put("type", "SignedBadge");
        verification.put("creator", draft.creator());
        assertion.set("verification", verification);
        return Ob2Writer.write(assertion);
    }

    private static void putOptional(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
