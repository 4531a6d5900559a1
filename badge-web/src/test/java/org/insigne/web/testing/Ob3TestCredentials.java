package org.insigne.web.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.Ed25519Keys;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * Open Badges 3.0 credentials from a did:key issuer, which every verifier resolves without any network:
 * unsigned, signed with an eddsa-rdfc-2022 proof, or baked into the test PNG.
 */
public final class Ob3TestCredentials {

    public static final String BADGE_NAME = "Animation d'ateliers";
    public static final String ISSUER_NAME = "Ligue de l'enseignement d'Indre-et-Loire";

    private final Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
    private final String issuer = "did:key:" + keys.publicKeyMultibase();

    public Ed25519Keys.KeyPair keys() {
        return keys;
    }

    /** The verification method the issuer signs with. */
    public String method() {
        return issuer + "#" + keys.publicKeyMultibase();
    }

    /** An unsigned credential for a plain e-mail identifier and/or a subject id (either may be null). */
    public ObjectNode credential(@Nullable String recipientEmail, @Nullable String subjectId) {
        ObjectNode c = BoundedJson.MAPPER.createObjectNode();
        c.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        c.put("id", "urn:uuid:" + UUID.randomUUID());
        c.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode profile = c.putObject("issuer");
        profile.put("id", issuer);
        profile.putArray("type").add("Profile");
        profile.put("name", ISSUER_NAME);
        c.put("validFrom", "2026-01-10T08:00:00Z");
        c.put("name", BADGE_NAME);
        ObjectNode subject = c.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        if (subjectId != null) {
            subject.put("id", subjectId);
        }
        if (recipientEmail != null) {
            ObjectNode identifier = subject.putArray("identifier").addObject();
            identifier.put("type", "IdentityObject");
            identifier.put("hashed", false);
            identifier.put("identityHash", recipientEmail);
            identifier.put("identityType", "emailAddress");
        }
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", "https://ligue37.example/achievements/ateliers");
        achievement.putArray("type").add("Achievement");
        achievement.put("name", BADGE_NAME);
        achievement.put("description", "A animé des ateliers pour des enfants.");
        achievement.putObject("criteria").put("narrative", "Animer au moins dix séances.");
        return c;
    }

    /** The credential with a Data Integrity proof. */
    public ObjectNode signed(ObjectNode credential) throws Exception {
        return DataIntegrityProofs.standard().sign(credential,
                DataIntegrityProofs.ProofOptions.assertion(method(), Instant.parse("2026-01-10T08:00:00Z")), keys);
    }

    /** The signed credential baked into {@code /badge.png}. */
    public byte[] bakedPng(ObjectNode credential) throws Exception {
        byte[] png = Files.readAllBytes(Path.of(Ob3TestCredentials.class.getResource("/badge.png").toURI()));
        return new Baker(BakingLimits.defaults()).bake(png,
                new BakedPayload(PayloadKind.OB3_CREDENTIAL, BoundedJson.MAPPER.writeValueAsString(signed(credential)), null));
    }
}
