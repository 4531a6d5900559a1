package org.insigne.issuer.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.ob3.Ob3DocumentWriter;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.core.signing.Ob2JwsSigner;
import org.insigne.core.signing.VcJwts;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.key.KeyAlgorithm;
import org.insigne.issuer.key.OrganisationKeys;
import org.insigne.issuer.key.PublicSigningKey;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The other machine forms of an issued badge, made on first request from the stored documents and then kept:
 * the OB 2.0 signed assertion (compact JWS, RS256), the OB 3.0 credential as a VC-JWT (EdDSA), badge images with
 * either baked in (PNG and SVG), and the organisation's public documents that verify them: Bitstring Status
 * Lists, the Achievement and the {@code did:web} document. Anyone may fetch them, as anyone may the hosted ones.
 *
 * <p>What is kept, and where: signed forms in the award's row ({@code ob2_signed}, {@code ob3_jwt}), baked images
 * in {@code award_baked_image}, status lists in {@code status_list_credential}. Both signatures are deterministic
 * (RSA PKCS#1 v1.5, Ed25519), so two first requests racing make the same bytes; the first stored wins anyway.
 */
@Service
@Transactional
public class IssuedForms {

    private static final Logger log = LoggerFactory.getLogger(IssuedForms.class);

    private final BadgeClassService badgeClasses;
    private final IssuerProfiles issuers;
    private final SigningKeyService keys;
    private final StatusLists statusLists;
    private final PublishedEndorsements endorsements;
    private final ApplyLinks applyLinks;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Baker baker = new Baker(BakingLimits.defaults());

    IssuedForms(BadgeClassService badgeClasses, IssuerProfiles issuers,
                SigningKeyService keys, StatusLists statusLists, PublishedEndorsements endorsements, JdbcTemplate jdbc,
                Clock clock, ApplyLinks applyLinks) {
        this.applyLinks = applyLinks;
        this.endorsements = endorsements;
        this.badgeClasses = badgeClasses;
        this.issuers = issuers;
        this.keys = keys;
        this.statusLists = statusLists;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The hosted assertion signed as an OB 2.0 signed badge with the organisation's RSA key: compact JWS, RS256,
     * {@code verification: {type: SignedBadge, creator: <key URL>}}. Revoked badges still have one: verifiers
     * find them in the revocation list.
     */
    public Optional<String> ob2Signed(UUID id, HostedUrls urls) {
        return award(id).map(award -> stored(award, "ob2_signed").orElseGet(() -> {
            OrganisationKeys signing = keys.signingKeys(award.organisationId());
            byte[] payload = PublishedDocuments.ob2SignedPayload(award.ob2Assertion(), signing.rsaId().value(), urls);
            String jws = new Ob2JwsSigner(signing.rsa()).sign(payload);
            return store(award, "ob2_signed", jws);
        }));
    }

    /**
     * The stored credential as a VC-JWT (VC-JOSE-COSE §3.1.1; OB 3.0 §8.2): the credential without its Data
     * Integrity proof, {@code alg: EdDSA}, signed with the key that proof names, which is also the {@code kid}.
     */
    public Optional<String> ob3Jwt(UUID id, HostedUrls urls) {
        return award(id).map(award -> stored(award, "ob3_jwt").orElseGet(() -> {
            ObjectNode credential = read(award.ob3Credential());
            JsonNode proof = credential.remove("proof");
            String method = proof == null ? null : proof.path("verificationMethod").asString(null);
            if (method == null) {
                throw new IllegalStateException("stored credential of award " + id + " has no proof");
            }
            Ed25519Keys.KeyPair pair = keyNamedBy(award.organisationId(), method, urls);
            return store(award, "ob3_jwt", VcJwts.signEdDsa(credential, pair, method));
        }));
    }

    /**
     * The badge class image with one of the award's documents baked in (OB 2.0 §"Baking", OB 3.0 §5.3): the
     * hosted assertion JSON ({@code openbadges} iTXt, or {@code <openbadges:assertion verify="<its URL>">}), or the
     * credential JSON as signed ({@code openbadgecredential} iTXt, {@code <openbadges:credential>}). A PNG badge
     * image is wrapped in a minimal SVG for the SVG forms; an SVG badge image has no PNG forms.
     *
     * @throws BakedImageUnavailable when this format cannot be made from the badge class image
     */
    public Optional<BakedImage> baked(UUID id, BakedForm form) {
        Optional<IssuedAward> found = award(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IssuedAward award = found.get();
        String filename = "badge-" + id + "-" + (form.ob3() ? "ob3" : "ob2") + "." + form.extension();
        List<byte[]> cached = jdbc.query("select image from award_baked_image where award_id = ? and form = ?",
                (row, n) -> row.getBytes(1), id, form.name());
        if (!cached.isEmpty()) {
            return Optional.of(new BakedImage(form.mediaType(), cached.get(0), filename));
        }
        StoredImage image = badgeClasses.image(award.badgeClassId())
                .orElseThrow(() -> new BakedImageUnavailable("no-image"));
        byte[] source;
        if (form.svg()) {
            source = image.isSvg() ? image.bytes() : wrapPng(image.bytes());
        } else if (image.isSvg()) {
            throw new BakedImageUnavailable("svg-only");
        } else {
            source = image.bytes();
        }
        BakedPayload payload;
        if (form.ob3()) {
            payload = new BakedPayload(PayloadKind.OB3_CREDENTIAL,
                    new String(award.ob3Credential(), StandardCharsets.UTF_8), null);
        } else {
            byte[] assertion = award.ob2Assertion();
            // OB 2.0 §"Baking" (SVG): the verify attribute holds the hosted assertion's URL, its id.
            payload = new BakedPayload(PayloadKind.OB2_ASSERTION, new String(assertion, StandardCharsets.UTF_8),
                    form.svg() ? read(assertion).path("id").asString(null) : null);
        }
        byte[] baked;
        try {
            baked = baker.bake(source, payload);
        } catch (BakingFailed e) {
            log.warn("Award {} could not be baked as {}: {}", id, form, e.getMessage());
            throw new BakedImageUnavailable("failed");
        }
        jdbc.update("""
                insert into award_baked_image (award_id, form, media_type, image, created_at) values (?, ?, ?, ?, ?)
                on conflict (award_id, form) do nothing""",
                id, form.name(), form.mediaType(), baked, java.sql.Timestamp.from(clock.instant()));
        return Optional.of(new BakedImage(form.mediaType(), baked, filename));
    }

    /** Status list {@code list} of the organisation, as a signed BitstringStatusListCredential. */
    public Optional<byte[]> statusList(OrganisationId organisation, int list, HostedUrls urls) {
        return statusLists.credential(organisation, list, urls);
    }

    /**
     * The Achievement of a published (or archived) badge class, as its awarded credentials embed it, with the
     * endorsements published about it.
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> achievement(BadgeClassId id, HostedUrls urls) {
        return badgeClasses.publicBadgeClass(id).map(b -> Ob3DocumentWriter.withEndorsements(
                PublishedDocuments.ob3Achievement(b, applyLinks.url(id, urls), urls),
                endorsements.credentials(PublishedEndorsements.BADGE_CLASS, id.value())));
    }

    /** The organisation's DID document, for {@link HostedUrls#didWeb(UUID)}. */
    @Transactional(readOnly = true)
    public Optional<byte[]> didDocument(OrganisationId id, HostedUrls urls) {
        return issuers.of(id)
                .map(p -> PublishedDocuments.didDocument(id.value(), keys.publishedKeys(id), urls));
    }

    /** The key a proof names: its Multikey URL behind HTTPS, or its {@code did:key} on a plain-HTTP address. */
    private Ed25519Keys.KeyPair keyNamedBy(OrganisationId organisation, String method, HostedUrls urls) {
        for (PublicSigningKey key : keys.publishedKeys(organisation)) {
            if (key.algorithm() == KeyAlgorithm.ED25519
                    && (method.endsWith("#" + key.multibase()) || method.endsWith("/keys/" + key.id().value())
                    || method.equals(urls.verificationMethod(organisation.value(), key.id().value(),
                    key.multibase())))) {
                return keys.ed25519Pair(organisation, key.id())
                        .orElseThrow(() -> new IllegalStateException("key " + key.id().value() + " vanished"));
            }
        }
        throw new IllegalStateException("no key of organisation " + organisation.value() + " for " + method);
    }

    /** What the other forms are made from: an award as issued, its documents as signed then. */
    private record IssuedAward(UUID id, OrganisationId organisationId, BadgeClassId badgeClassId, byte[] ob2Assertion,
                               byte[] ob3Credential) {
    }

    private Optional<IssuedAward> award(UUID id) {
        return jdbc.query("""
                select organisation_id, badge_class_id, ob2_assertion, ob3_credential from award where id = ?""",
                (row, n) -> new IssuedAward(id, new OrganisationId(row.getObject(1, UUID.class)),
                        new BadgeClassId(row.getObject(2, UUID.class)), row.getBytes(3), row.getBytes(4)), id)
                .stream().findFirst();
    }

    private Optional<String> stored(IssuedAward award, String column) {
        List<String> values = jdbc.queryForList("select " + column + " from award where id = ?", String.class,
                award.id());
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** Keeps the first value stored, and returns it: the only form ever published is the first one. */
    private String store(IssuedAward award, String column, String value) {
        jdbc.update("update award set " + column + " = ? where id = ? and " + column + " is null", value,
                award.id());
        return stored(award, column).orElse(value);
    }

    private static ObjectNode read(byte[] json) {
        try {
            return BoundedJson.readObject(json);
        } catch (BoundedJson.JsonUnreadable e) {
            throw new IllegalStateException("stored document unreadable", e);
        }
    }

    /**
     * A minimal SVG showing the PNG at its own size, so that SVG baking has an SVG to bake into (what other
     * platforms do too). The size comes from the PNG's IHDR chunk (PNG §11.2.2), which the upload checked.
     */
    static byte[] wrapPng(byte[] png) {
        int width = 256;
        int height = 256;
        if (png.length >= 24 && png[12] == 'I' && png[13] == 'H' && png[14] == 'D' && png[15] == 'R') {
            width = java.nio.ByteBuffer.wrap(png, 16, 4).getInt();
            height = java.nio.ByteBuffer.wrap(png, 20, 4).getInt();
        }
        String data = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
                width="%1$d" height="%2$d" viewBox="0 0 %1$d %2$d">\
                <image width="%1$d" height="%2$d" href="%3$s" xlink:href="%3$s"/></svg>
                """.formatted(width, height, data);
        return svg.getBytes(StandardCharsets.UTF_8);
    }
}
