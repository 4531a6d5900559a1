package org.insigne.issuer.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.ob2.IdentityObject;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Fixed input for the tests that pin published documents, byte for byte: badges already issued name these
 * documents and verify against their exact bytes, so a change to one must be a deliberate one. Run them with
 * {@code -Dgolden.update=true} to write the files again.
 */
public final class GoldenDocuments {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    public static final HostedUrls HTTPS = new HostedUrls("https://badges.example.org/");
    public static final HostedUrls HTTP = new HostedUrls("http://localhost:8080");

    public static final OrganisationId ORG = new OrganisationId(UUID.fromString("0a0a0a0a-1111-4111-8111-000000000001"));
    public static final BadgeClassId BADGE = new BadgeClassId(UUID.fromString("0b0b0b0b-2222-4222-8222-000000000002"));
    public static final UUID AWARD = UUID.fromString("0c0c0c0c-3333-4333-8333-000000000003");
    public static final UUID OTHER_AWARD = UUID.fromString("0c0c0c0c-3333-4333-8333-000000000004");
    public static final SigningKeyId ED_KEY = new SigningKeyId(UUID.fromString("0d0d0d0d-4444-4444-8444-000000000005"));
    public static final SigningKeyId RSA_KEY = new SigningKeyId(UUID.fromString("0d0d0d0d-4444-4444-8444-000000000006"));
    public static final Instant NOW = Instant.parse("2026-03-04T05:06:07.891Z");
    public static final Instant ISSUED = Instant.parse("2026-03-01T00:00:00Z");
    public static final Instant EXPIRES = Instant.parse("2027-03-01T00:00:00Z");

    private static final String RSA_PUBLIC = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqEhYe1V8pZQn+OZWTAhPJfGoHzfL15vACBDbg33KopZKQjujQsR8INX9F3UbTWvHedmeNoWolaCeiEnDcNCvtAGH+wkduxsYJqawXawsK1HGVoNBTwLpnQXZKZvVXTwu3lKSzQNuS7xQguk5axeOtN15fumGUAZv6cq5i+lRM9tTwb+isZx+ftzO3SpD0PLFr9+EhUk9OudJEDYb0AUGdZdH4XlzLYzSgP0oaS+XYtu8ahO36cXO9y0w5NFsp3WhIoqn/LVSzv385yySJwxuSTtXSrD7hmRM3RyRF0904+kHNreZZgJbqt6r7z8Mg1aUuUHIsyO0InqeH4cM72ibFwIDAQAB";

    public static final Ed25519Keys.KeyPair ED25519 = Ed25519Keys.fromPrivateKey(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32});

    public static final PublicBadgeClass BADGE_CLASS = new PublicBadgeClass(BADGE, ORG, new BadgeClassContent(
            "Animation d'assemblée", "A animé une assemblée générale « ouverte ».",
            "1. Préparer l'ordre du jour\n2. *Animer* les débats",
            List.of(new Alignment("ESCO", "S1.2.3", "animer une réunion", "https://esco.example/skill/1"),
                    new Alignment("ROME", null, "Animateur", "https://rome.example/k1")),
            List.of("vie associative", "oral"), List.of("Je fais", "Je transmets", "Je pilote"), 12, false),
            "<p>criteria</p>", BadgeClassStatus.PUBLISHED);

    public static final OrganisationProfileView FULL_ISSUER = new OrganisationProfileView(ORG,
            new OrganisationProfile("Les Amis du Quartier", "Une association de quartier.", "https://amis.example",
                    "Contact@Amis.example", "1 rue de la Paix", "Île-de-France"), "image/png");

    public static final OrganisationProfileView BARE_ISSUER = new OrganisationProfileView(ORG,
            new OrganisationProfile("Les Amis du Quartier", null, null, null, null, null), null);

    public static final List<PublicSigningKey> KEYS = List.of(
            new PublicSigningKey(ED_KEY, ORG, KeyAlgorithm.ED25519, ED25519.publicKey(), ISSUED, null),
            new PublicSigningKey(RSA_KEY, ORG, KeyAlgorithm.RSA, Base64.getDecoder().decode(RSA_PUBLIC), ISSUED, null));

    public static final IdentityObject RECIPIENT = identity();

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

    public static OrganisationKeys organisationKeys() {
        // The RSA private key signs nothing here: only the documents around signatures are pinned.
        return new OrganisationKeys(ED_KEY, ED25519, RSA_KEY, null);
    }

    private GoldenDocuments() {
    }

    /** The document as last written by {@code -Dgolden.update=true}. */
    public static byte[] pinned(String name) {
        try {
            return Files.readAllBytes(GOLDEN.resolve(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void golden(String name, byte[] actual) {
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
