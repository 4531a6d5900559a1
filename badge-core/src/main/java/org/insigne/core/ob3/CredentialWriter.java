package org.insigne.core.ob3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.insigne.core.jsonld.BoundedJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes new OB 3.0 credentials strictly (serialization.md): VCDM 2.0 and OB 3.0.3 contexts in that order,
 * {@code type} always an array, no null and no empty array, dates in UTC to the second. The result passes
 * {@link StructureCheck} or the writer refuses it; sign it with
 * {@link org.insigne.core.signing.DataIntegrityProofs} or {@link org.insigne.core.signing.VcJwts} and store the
 * bytes as signed.
 */
public final class CredentialWriter {

    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private CredentialWriter() {
    }

    /** Who receives the badge: a subject id (DID, URL), and/or an e-mail hashed with a salt. */
    public record Recipient(@Nullable String id, @Nullable String email, @Nullable String salt) {
        public Recipient {
            if (id == null && email == null) {
                throw new IllegalArgumentException("a recipient needs an id or an e-mail");
            }
        }
    }

    /** A status entry pointing at bit {@code index} of a published {@link BitstringStatusList}. */
    public record StatusEntry(String statusListCredential, int index, String purpose) {
        public StatusEntry {
            Objects.requireNonNull(statusListCredential, "statusListCredential");
            Objects.requireNonNull(purpose, "purpose");
            if (index < 0) {
                throw new IllegalArgumentException("index " + index);
            }
        }
    }

    /**
     * Everything a new credential says. {@code achievedLevel} is the id of one of the achievement's rubric
     * levels (its first result description), or null.
     */
    public record Draft(String id, OpenBadgeCredential.Profile issuer, Instant validFrom, @Nullable Instant validUntil,
                        OpenBadgeCredential.Achievement achievement, Recipient recipient,
                        @Nullable String achievedLevel, List<OpenBadgeCredential.Evidence> evidence,
                        @Nullable StatusEntry status) {
        public Draft {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(achievement, "achievement");
            Objects.requireNonNull(recipient, "recipient");
            evidence = List.copyOf(evidence);
        }
    }

    /** The unsigned credential; throws {@link IllegalArgumentException} naming the paths a draft lacks. */
    public static ObjectNode write(Draft draft) {
        ObjectNode c = BoundedJson.MAPPER.createObjectNode();
        c.putArray("@context").add(OpenBadgeCredential.VCDM2_CONTEXT).add(OB_CONTEXT);
        c.put("id", draft.id());
        c.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        c.set("issuer", profile(draft.issuer()));
        c.put("validFrom", instant(draft.validFrom()));
        if (draft.validUntil() != null) {
            c.put("validUntil", instant(draft.validUntil()));
        }
        OpenBadgeCredential.Achievement achievement = draft.achievement();
        putText(c, "name", achievement.name());
        ObjectNode subject = c.putObject("credentialSubject");
        putText(subject, "id", draft.recipient().id());
        subject.putArray("type").add("AchievementSubject");
        if (draft.recipient().email() != null) {
            String salt = draft.recipient().salt();
            ObjectNode identity = subject.putArray("identifier").addObject();
            identity.put("type", "IdentityObject");
            identity.put("hashed", true);
            identity.put("identityHash", "sha256$" + sha256(draft.recipient().email() + (salt == null ? "" : salt)));
            identity.put("identityType", "emailAddress");
            putText(identity, "salt", salt);
        }
        subject.set("achievement", achievement(achievement));
        if (draft.achievedLevel() != null) {
            ObjectNode result = subject.putArray("result").addObject();
            result.putArray("type").add("Result");
            if (!achievement.resultDescription().isEmpty()) {
                putText(result, "resultDescription", achievement.resultDescription().get(0).id());
            }
            result.put("achievedLevel", draft.achievedLevel());
        }
        if (!draft.evidence().isEmpty()) {
            ArrayNode evidence = c.putArray("evidence");
            for (OpenBadgeCredential.Evidence item : draft.evidence()) {
                ObjectNode e = evidence.addObject();
                putText(e, "id", item.id());
                e.putArray("type").add("Evidence");
                putText(e, "name", item.name());
                putText(e, "description", item.description());
                putText(e, "narrative", item.narrative());
            }
        }
        if (draft.status() != null) {
            putStatus(c, draft.status());
        }
        List<StructureCheck.Problem> problems = StructureCheck.problems(c);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("incomplete credential: " + problems);
        }
        return c;
    }

    /**
     * {@code unsigned} (as {@link #write} made it) with the signed endorsement credentials of its achievement in
     * {@code credentialSubject.achievement.endorsement}; nothing is added when there are none.
     */
    public static ObjectNode endorseAchievement(ObjectNode unsigned, List<byte[]> signedEndorsements) {
        if (signedEndorsements.isEmpty()) {
            return unsigned;
        }
        ObjectNode achievement = (ObjectNode) unsigned.path("credentialSubject").path("achievement");
        ArrayNode list = achievement.putArray("endorsement");
        for (byte[] endorsement : signedEndorsements) {
            try {
                list.add(BoundedJson.readObject(endorsement));
            } catch (BoundedJson.JsonUnreadable e) {
                throw new IllegalArgumentException("endorsement unreadable", e);
            }
        }
        return unsigned;
    }

    /**
     * {@code unsigned} (a credential as {@link #write} made it, or an achievement document) with the 1EdTech
     * Apply Link extension's address, where people apply for the badge, as the achievement's {@code url}:
     * the term the OB 3.0 context already defines (schema:url) and the extension's OB 3.0 form reuses. The
     * extension's own type and context are left out: verifiers that load only the standard contexts offline
     * would otherwise refuse the credential. Nothing is added without an address.
     */
    public static ObjectNode withApplyLink(ObjectNode unsigned, @Nullable String applyUrl) {
        if (applyUrl == null) {
            return unsigned;
        }
        JsonNode subject = unsigned.get("credentialSubject");
        ObjectNode achievement = subject != null ? (ObjectNode) subject.path("achievement") : unsigned;
        achievement.put("url", applyUrl);
        return unsigned;
    }

    /**
     * {@code unsigned} (a credential as {@link #write} made it) with the earner's own account of what the badge
     * recognises as {@code credentialSubject.narrative}: OB 3.0 AchievementSubject's narrative (MarkdownText),
     * a term the OB 3.0 context defines, so verifiers that expand the credential offline keep it. Nothing is
     * added without a narrative.
     */
    public static ObjectNode withSubjectNarrative(ObjectNode unsigned, @Nullable String narrative) {
        if (narrative == null || narrative.isBlank()) {
            return unsigned;
        }
        ((ObjectNode) unsigned.path("credentialSubject")).put("narrative", narrative);
        return unsigned;
    }

    /**
     * The achievement as a document of its own at its id (OB 3.0 §B.1.1), exactly as {@link #write} embeds it
     * in credentials, so that the two cannot drift.
     */
    public static byte[] writeAchievement(OpenBadgeCredential.Achievement achievement) {
        ObjectNode document = BoundedJson.MAPPER.createObjectNode();
        document.putArray("@context").add(OpenBadgeCredential.VCDM2_CONTEXT).add(OB_CONTEXT);
        document.setAll(achievement(achievement));
        return BoundedJson.MAPPER.writeValueAsBytes(document);
    }

    private static ObjectNode profile(OpenBadgeCredential.Profile profile) {
        ObjectNode p = BoundedJson.MAPPER.createObjectNode();
        putText(p, "id", profile.id());
        p.putArray("type").add("Profile");
        putText(p, "name", profile.name());
        putText(p, "url", profile.url());
        putText(p, "email", profile.email());
        putText(p, "description", profile.description());
        if (profile.image() != null) {
            p.set("image", image(profile.image()));
        }
        return p;
    }

    private static ObjectNode achievement(OpenBadgeCredential.Achievement achievement) {
        ObjectNode a = BoundedJson.MAPPER.createObjectNode();
        putText(a, "id", achievement.id());
        a.putArray("type").add("Achievement");
        putText(a, "achievementType", achievement.achievementType());
        putText(a, "name", achievement.name());
        putText(a, "description", achievement.description());
        if (achievement.criteria() != null) {
            ObjectNode criteria = a.putObject("criteria");
            putText(criteria, "id", achievement.criteria().id());
            putText(criteria, "narrative", achievement.criteria().narrative());
        }
        if (achievement.image() != null) {
            a.set("image", image(achievement.image()));
        }
        if (!achievement.alignment().isEmpty()) {
            ArrayNode alignments = a.putArray("alignment");
            for (OpenBadgeCredential.Alignment alignment : achievement.alignment()) {
                ObjectNode al = alignments.addObject();
                al.putArray("type").add("Alignment");
                putText(al, "targetName", alignment.targetName());
                putText(al, "targetUrl", alignment.targetUrl());
                putText(al, "targetDescription", alignment.targetDescription());
                putText(al, "targetFramework", alignment.targetFramework());
                putText(al, "targetCode", alignment.targetCode());
                putText(al, "targetType", alignment.targetType());
            }
        }
        if (!achievement.tag().isEmpty()) {
            ArrayNode tags = a.putArray("tag");
            achievement.tag().forEach(tags::add);
        }
        if (!achievement.resultDescription().isEmpty()) {
            ArrayNode descriptions = a.putArray("resultDescription");
            for (OpenBadgeCredential.ResultDescription description : achievement.resultDescription()) {
                ObjectNode d = descriptions.addObject();
                putText(d, "id", description.id());
                d.putArray("type").add("ResultDescription");
                putText(d, "name", description.name());
                putText(d, "resultType", description.resultType());
                if (!description.rubricCriterionLevel().isEmpty()) {
                    ArrayNode levels = d.putArray("rubricCriterionLevel");
                    for (OpenBadgeCredential.RubricCriterionLevel level : description.rubricCriterionLevel()) {
                        ObjectNode l = levels.addObject();
                        putText(l, "id", level.id());
                        l.putArray("type").add("RubricCriterionLevel");
                        putText(l, "name", level.name());
                        putText(l, "level", level.level());
                        putText(l, "description", level.description());
                    }
                }
            }
        }
        return a;
    }

    private static ObjectNode image(OpenBadgeCredential.Image image) {
        ObjectNode i = BoundedJson.MAPPER.createObjectNode();
        i.put("id", image.id());
        i.put("type", "Image");
        putText(i, "caption", image.caption());
        return i;
    }

    /** A {@code BitstringStatusListEntry} (vc-bitstring-status-list §2.1) in {@code credentialStatus}. */
    static void putStatus(ObjectNode credential, StatusEntry status) {
        ObjectNode entry = credential.putObject("credentialStatus");
        entry.put("id", status.statusListCredential() + "#" + status.index());
        entry.put("type", "BitstringStatusListEntry");
        entry.put("statusPurpose", status.purpose());
        entry.put("statusListIndex", Integer.toString(status.index()));
        entry.put("statusListCredential", status.statusListCredential());
    }

    private static void putText(ObjectNode node, String field, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }
}
