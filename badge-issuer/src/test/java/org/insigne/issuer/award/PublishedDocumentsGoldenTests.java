package org.insigne.issuer.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.ob2.IdentityObject;
import org.insigne.core.ob3.BitstringStatusList;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassStatus;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.key.KeyAlgorithm;
import org.insigne.issuer.key.OrganisationKeys;
import org.insigne.issuer.key.PublicSigningKey;
import org.insigne.issuer.key.SigningKeyId;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pins every published document, byte for byte, for fixed input: badges already issued name these documents
 * and verify against their exact bytes, so a change here must be a deliberate one. Run with
 * {@code -Dgolden.update=true} to write the files again.
 */
class PublishedDocumentsGoldenTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final HostedUrls HTTPS = new HostedUrls("https://badges.example.org/");
    private static final HostedUrls HTTP = new HostedUrls("http://localhost:8080");

    private static final OrganisationId ORG = new OrganisationId(UUID.fromString("0a0a0a0a-1111-4111-8111-000000000001"));
    private static final BadgeClassId BADGE = new BadgeClassId(UUID.fromString("0b0b0b0b-2222-4222-8222-000000000002"));
    private static final UUID AWARD = UUID.fromString("0c0c0c0c-3333-4333-8333-000000000003");
    private static final UUID OTHER_AWARD = UUID.fromString("0c0c0c0c-3333-4333-8333-000000000004");
    private static final SigningKeyId ED_KEY = new SigningKeyId(UUID.fromString("0d0d0d0d-4444-4444-8444-000000000005"));
    private static final SigningKeyId RSA_KEY = new SigningKeyId(UUID.fromString("0d0d0d0d-4444-4444-8444-000000000006"));
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.891Z");
    private static final Instant ISSUED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-03-01T00:00:00Z");

    private static final String RSA_PUBLIC = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqEhYe1V8pZQn+OZWTAhPJfGoHzfL15vACBDbg33KopZKQjujQsR8INX9F3UbTWvHedmeNoWolaCeiEnDcNCvtAGH+wkduxsYJqawXawsK1HGVoNBTwLpnQXZKZvVXTwu3lKSzQNuS7xQguk5axeOtN15fumGUAZv6cq5i+lRM9tTwb+isZx+ftzO3SpD0PLFr9+EhUk9OudJEDYb0AUGdZdH4XlzLYzSgP0oaS+XYtu8ahO36cXO9y0w5NFsp3WhIoqn/LVSzv385yySJwxuSTtXSrD7hmRM3RyRF0904+kHNreZZgJbqt6r7z8Mg1aUuUHIsyO0InqeH4cM72ibFwIDAQAB";

    private static final Ed25519Keys.KeyPair ED25519 = Ed25519Keys.fromPrivateKey(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32});

    private static final PublicBadgeClass BADGE_CLASS = new PublicBadgeClass(BADGE, ORG, new BadgeClassContent(
            "Animation d'assemblée", "A animé une assemblée générale « ouverte ».",
            "1. Préparer l'ordre du jour\n2. *Animer* les débats",
            List.of(new Alignment("ESCO", "S1.2.3", "animer une réunion", "https://esco.example/skill/1"),
                    new Alignment("ROME", null, "Animateur", "https://rome.example/k1")),
            List.of("vie associative", "oral"), List.of("Je fais", "Je transmets", "Je pilote"), 12, false),
            "<p>criteria</p>", BadgeClassStatus.PUBLISHED);

    private static final OrganisationProfileView FULL_ISSUER = new OrganisationProfileView(ORG,
            new OrganisationProfile("Les Amis du Quartier", "Une association de quartier.", "https://amis.example",
                    "Contact@Amis.example", "1 rue de la Paix", "Île-de-France"), "image/png");

    private static final OrganisationProfileView BARE_ISSUER = new OrganisationProfileView(ORG,
            new OrganisationProfile("Les Amis du Quartier", null, null, null, null, null), null);

    private static final List<PublicSigningKey> KEYS = List.of(
            new PublicSigningKey(ED_KEY, ORG, KeyAlgorithm.ED25519, ED25519.publicKey(), ISSUED, null),
            new PublicSigningKey(RSA_KEY, ORG, KeyAlgorithm.RSA, Base64.getDecoder().decode(RSA_PUBLIC), ISSUED, null));

    private static final AwardRequest REQUEST = new AwardRequest(UUID.fromString("0e0e0e0e-5555-4555-8555-000000000007"),
            "Camille.Martin@Example.org", "Camille Martin", "Je transmets", "https://preuves.example/1",
            "A animé l'AG de mars.", LocalDate.of(2026, 3, 1));

    private static final AwardRequest BARE_REQUEST = new AwardRequest(REQUEST.formToken(), REQUEST.recipientEmail(),
            REQUEST.recipientName(), "Je fais", null, null, null);

    private static final IdentityObject RECIPIENT = identity();

    private static IdentityObject identity() {
        String salt = "00112233445566778899aabbccddeeff";
        String hash = "sha256$0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        ObjectNode json = BoundedJson.MAPPER.createObjectNode();
        json.put("type", "email");
        json.put("hashed", true);
        json.put("salt", salt);
        json.put("identity", hash);
        return new IdentityObject("email", hash, true, salt, json);
    }

    private static OrganisationKeys organisationKeys() {
        // The RSA private key signs nothing here: only the documents around signatures are pinned.
        return new OrganisationKeys(ED_KEY, ED25519, RSA_KEY, null);
    }

    @Test
    void pinsOb2Documents() {
        golden("ob2-assertion", AwardDocuments.ob2Assertion(AWARD, BADGE_CLASS, REQUEST, RECIPIENT, ISSUED, EXPIRES, HTTPS));
        golden("ob2-assertion-bare", AwardDocuments.ob2Assertion(AWARD, BADGE_CLASS, BARE_REQUEST, RECIPIENT, ISSUED, null,
                HTTP));
        golden("ob2-badge-class", AwardDocuments.ob2BadgeClass(BADGE_CLASS, HTTPS));
        golden("ob2-issuer", AwardDocuments.ob2Issuer(FULL_ISSUER, KEYS, HTTPS));
        golden("ob2-issuer-bare", AwardDocuments.ob2Issuer(BARE_ISSUER, List.of(), HTTP));
        golden("ob2-key", AwardDocuments.ob2Key(KEYS.get(1), HTTPS));
        golden("ob2-signed-payload", AwardDocuments.ob2SignedPayload(
                AwardDocuments.ob2Assertion(AWARD, BADGE_CLASS, REQUEST, RECIPIENT, ISSUED, EXPIRES, HTTPS),
                RSA_KEY.value(), HTTPS));
        golden("ob2-revocations", AwardDocuments.ob2Revocations(ORG.value(), revoked(), HTTPS));
        golden("ob2-revocations-empty", AwardDocuments.ob2Revocations(ORG.value(), List.of(), HTTPS));
        golden("ob2-revoked-assertion", AwardDocuments.ob2RevokedAssertion(revoked().get(0), HTTPS));
        golden("ob2-revoked-assertion-no-reason", AwardDocuments.ob2RevokedAssertion(revoked().get(1), HTTPS));
    }

    @Test
    void pinsOb3Documents() {
        var status = StatusLists.entry(ORG, 131_075, HTTPS);
        golden("ob3-credential-https", AwardDocuments.ob3Credential(AWARD, BADGE_CLASS, FULL_ISSUER, REQUEST, RECIPIENT,
                ISSUED, EXPIRES, organisationKeys(), NOW, HTTPS, status));
        golden("ob3-credential-http", AwardDocuments.ob3Credential(AWARD, BADGE_CLASS, BARE_ISSUER, BARE_REQUEST,
                RECIPIENT, ISSUED, null, organisationKeys(), NOW, HTTP, StatusLists.entry(ORG, 7, HTTP)));
        golden("ob3-achievement", AwardDocuments.ob3Achievement(BADGE_CLASS, HTTPS));
        golden("ob3-issuer", AwardDocuments.ob3Issuer(FULL_ISSUER, KEYS, HTTPS));
        golden("ob3-issuer-bare", AwardDocuments.ob3Issuer(BARE_ISSUER, List.of(), HTTP));
        golden("ob3-key", AwardDocuments.ob3Key(KEYS.get(0), HTTPS));
        golden("ob3-revocations", AwardDocuments.ob3Revocations(ORG.value(), revoked(), HTTPS));
        BitstringStatusList bits = BitstringStatusList.empty(StatusLists.LIST_SIZE).withBit(3, true).withBit(70_000, true);
        golden("ob3-status-list-https", AwardDocuments.statusListCredential(FULL_ISSUER, 1, bits,
                new AwardDocuments.Signer(ED_KEY, ED25519), NOW, HTTPS));
        golden("ob3-status-list-http", AwardDocuments.statusListCredential(BARE_ISSUER, 0, bits,
                new AwardDocuments.Signer(ED_KEY, ED25519), NOW, HTTP));
        golden("did-document", AwardDocuments.didDocument(ORG.value(), KEYS, new HostedUrls("https://badges.example.org:8443/base/")));
    }

    private static List<Award> revoked() {
        SignedDocuments documents = new SignedDocuments(new byte[] {'{', '}'}, new byte[] {'{', '}'});
        Award first = new Award(new AwardId(AWARD), ORG, BADGE, REQUEST, ISSUED, EXPIRES, documents, 0, AWARD, NOW);
        first.revoke("Attribué par erreur \"deux fois\"", NOW);
        Award second = new Award(new AwardId(OTHER_AWARD), ORG, BADGE, BARE_REQUEST, ISSUED, null, documents, 1, AWARD,
                NOW);
        return List.of(first, second);
    }

    private static void golden(String name, byte[] actual) {
        Path file = GOLDEN.resolve(name + ".json");
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.write(file, actual);
            }
            assertThat(new String(actual, StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
