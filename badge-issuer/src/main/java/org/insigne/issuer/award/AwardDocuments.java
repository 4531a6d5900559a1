package org.insigne.issuer.award;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.jsonld.JsonLdRejected;
import org.insigne.core.ob2.CryptographicKey;
import org.insigne.core.ob2.IdentityObject;
import org.insigne.core.ob2.Ob2Writer;
import org.insigne.core.ob3.BitstringStatusList;
import org.insigne.core.ob3.CredentialWriter;
import org.insigne.core.ob3.OpenBadgeCredential;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.key.KeyAlgorithm;
import org.insigne.issuer.key.OrganisationKeys;
import org.insigne.issuer.key.PublicSigningKey;
import org.insigne.issuer.key.SigningKeyId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the public documents of an organisation and its awards: OB 2.0 hosted assertion, BadgeClass, Issuer
 * Profile, CryptographicKey and RevocationList (ob_v2p0), and the OB 3.0 credential with an eddsa-rdfc-2022
 * Data Integrity proof, its issuer Profile and Multikey documents.
 */
final class AwardDocuments {

    static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

    private AwardDocuments() {
    }

    /** OB 2.0 §Assertion with HostedBadge verification: its id is where it is served. */
    static byte[] ob2Assertion(UUID award, PublicBadgeClass badgeClass, AwardRequest request,
                               IdentityObject recipient, Instant issuedOn, @Nullable Instant expires, HostedUrls urls) {
        ObjectNode a = BoundedJson.MAPPER.createObjectNode();
        a.put("@context", Ob2Writer.CONTEXT);
        a.put("type", "Assertion");
        a.put("id", urls.ob2Assertion(award));
        a.set("recipient", recipient.json());
        a.put("badge", urls.ob2BadgeClass(badgeClass.id().value()));
        a.putObject("verification").put("type", "HostedBadge");
        a.put("issuedOn", instant(issuedOn));
        if (expires != null) {
            a.put("expires", instant(expires));
        }
        if (request.hasEvidence()) {
            ObjectNode evidence = a.putArray("evidence").addObject();
            evidence.put("type", "Evidence");
            if (request.evidenceUrl() != null) {
                evidence.put("id", request.evidenceUrl());
            }
            if (request.evidenceNarrative() != null) {
                evidence.put("narrative", request.evidenceNarrative());
            }
        }
        return Ob2Writer.write(a);
    }

    /**
     * OB 3.0 OpenBadgeCredential, signed with the organisation's Ed25519 key (VC Data Integrity EdDSA 2022). Its
     * {@code credentialStatus} is bit {@code status} of the organisation's Bitstring Status List.
     */
    static byte[] ob3Credential(UUID award, PublicBadgeClass badgeClass, OrganisationProfileView issuer,
                                AwardRequest request, IdentityObject recipient, Instant issuedOn,
                                @Nullable Instant expires, OrganisationKeys keys, Instant now, HostedUrls urls,
                                CredentialWriter.StatusEntry status) {
        String issuerId = ob3IssuerId(issuer, keys.ed25519().publicKeyMultibase(), urls);
        OrganisationProfile profile = issuer.profile();
        OpenBadgeCredential.Profile issuerProfile = new OpenBadgeCredential.Profile(issuerId, List.of("Profile"),
                profile.name(), profile.websiteUrl() != null ? profile.websiteUrl() : urls.ob2Issuer(issuer.id().value()),
                profile.contactEmail(), profile.description(), null);
        OpenBadgeCredential.Achievement achievement = achievement(badgeClass, urls);
        String achievedLevel = null;
        List<String> levels = badgeClass.content().levels();
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).equals(request.level())) {
                achievedLevel = levelId(achievement.id(), i);
            }
        }
        List<OpenBadgeCredential.Evidence> evidence = request.hasEvidence()
                ? List.of(new OpenBadgeCredential.Evidence(request.evidenceUrl(), null, request.evidenceNarrative(), null))
                : List.of();
        CredentialWriter.Draft draft = new CredentialWriter.Draft(urls.ob3Credential(award), issuerProfile, issuedOn,
                expires, achievement, new CredentialWriter.Recipient(null, request.recipientEmail(), recipient.salt()),
                achievedLevel, evidence, status);
        return sign(CredentialWriter.write(draft), new Signer(keys.ed25519Id(), keys.ed25519()), issuer, now, urls,
                "credential for award " + award);
    }

    /**
     * The Achievement of a badge class, exactly as credentials embed it, as a document of its own at its id
     * (OB 3.0 §B.1.1 "Achievement"). It goes through the same writer as credentials so the two cannot drift.
     */
    static byte[] ob3Achievement(PublicBadgeClass badgeClass, HostedUrls urls) {
        OpenBadgeCredential.Achievement achievement = achievement(badgeClass, urls);
        UUID organisation = badgeClass.organisation().value();
        // The writer needs a whole credential; only its achievement is kept.
        OpenBadgeCredential.Profile placeholder = new OpenBadgeCredential.Profile(urls.ob3Issuer(organisation),
                List.of("Profile"), "-", urls.base(), null, null, null);
        CredentialWriter.Draft draft = new CredentialWriter.Draft(urls.ob3Achievement(badgeClass.id().value()),
                placeholder, Instant.EPOCH, null, achievement, new CredentialWriter.Recipient("urn:example:nobody", null, null),
                null, List.of(), null);
        ObjectNode written = (ObjectNode) CredentialWriter.write(draft).path("credentialSubject").path("achievement");
        ObjectNode document = BoundedJson.MAPPER.createObjectNode();
        document.putArray("@context").add(OpenBadgeCredential.VCDM2_CONTEXT).add(CredentialWriter.OB_CONTEXT);
        document.setAll(written);
        return write(document);
    }

    private static OpenBadgeCredential.Achievement achievement(PublicBadgeClass badgeClass, HostedUrls urls) {
        String achievementId = urls.ob3Achievement(badgeClass.id().value());
        BadgeClassContent content = badgeClass.content();
        List<OpenBadgeCredential.RubricCriterionLevel> levels = new ArrayList<>();
        for (int i = 0; i < content.levels().size(); i++) {
            levels.add(new OpenBadgeCredential.RubricCriterionLevel(levelId(achievementId, i), content.levels().get(i),
                    null, null));
        }
        List<OpenBadgeCredential.ResultDescription> results = List.of(new OpenBadgeCredential.ResultDescription(
                achievementId + "#levels", "Niveau", "RubricCriterionLevel", levels));
        List<OpenBadgeCredential.Alignment> alignments = content.alignments().stream()
                .map(a -> new OpenBadgeCredential.Alignment(a.name(), a.url(), null, a.framework(), a.code(), null))
                .toList();
        return new OpenBadgeCredential.Achievement(achievementId,
                List.of("Achievement"), content.name(), content.description(),
                new OpenBadgeCredential.Criteria(null, content.criteriaMarkdown()),
                new OpenBadgeCredential.Image(urls.badgeImage(badgeClass.id().value()), null), "Badge", alignments,
                content.tags(), results, null);
    }

    private static String levelId(String achievementId, int index) {
        return achievementId + "#level-" + (index + 1);
    }

    /**
     * A BitstringStatusListCredential (vc-bitstring-status-list §2.2) for list {@code list} of the organisation,
     * signed like its credentials: same issuer, same key, so that verifiers accept it for them (§3.2 step 7).
     */
    static byte[] statusListCredential(OrganisationProfileView issuer, int list, BitstringStatusList bits,
                                       Signer keys, Instant now, HostedUrls urls) {
        String id = urls.ob3StatusList(issuer.id().value(), list);
        ObjectNode c = BoundedJson.MAPPER.createObjectNode();
        c.putArray("@context").add(OpenBadgeCredential.VCDM2_CONTEXT);
        c.put("id", id);
        c.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        c.put("issuer", ob3IssuerId(issuer, keys.pair().publicKeyMultibase(), urls));
        c.put("validFrom", instant(now));
        ObjectNode subject = c.putObject("credentialSubject");
        subject.put("id", id + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", StatusLists.PURPOSE);
        subject.put("encodedList", bits.encode());
        return sign(c, keys, issuer, now, urls, "status list " + list + " of organisation " + issuer.id().value());
    }

    /** One Ed25519 key of an organisation, with its id, about to sign. */
    record Signer(SigningKeyId id, Ed25519Keys.KeyPair pair) {
    }

    private static byte[] sign(ObjectNode unsigned, Signer keys, OrganisationProfileView issuer, Instant now,
                               HostedUrls urls, String what) {
        String method = verificationMethod(issuer.id().value(), keys.id().value(), keys.pair().publicKeyMultibase(),
                urls);
        try {
            ObjectNode signed = DataIntegrityProofs.standard().sign(unsigned,
                    DataIntegrityProofs.ProofOptions.assertion(method, now.truncatedTo(ChronoUnit.SECONDS)), keys.pair());
            return BoundedJson.MAPPER.writeValueAsBytes(signed);
        } catch (JsonLdRejected e) {
            // Our own documents only use bundled contexts; a refusal here is a bug, not bad input.
            throw new IllegalStateException(what + " could not be canonicalised", e);
        }
    }

    /**
     * The verification method a proof or a VC-JWT {@code kid} names: the Multikey document URL behind HTTPS,
     * else the {@code did:key} method, which the core resolves without fetching.
     */
    static String verificationMethod(UUID organisation, UUID keyId, String multibase, HostedUrls urls) {
        return urls.servesHttps() ? urls.ob3Key(organisation, keyId) : "did:key:" + multibase + "#" + multibase;
    }

    static String ob3IssuerId(OrganisationProfileView issuer, String ed25519Multibase, HostedUrls urls) {
        return urls.servesHttps() ? urls.ob3Issuer(issuer.id().value()) : "did:key:" + ed25519Multibase;
    }

    /** OB 2.0 §Profile: the issuer's public keys and revocation list, which verifiers take from here. */
    static byte[] ob2Issuer(OrganisationProfileView issuer, List<PublicSigningKey> keys, HostedUrls urls) {
        UUID org = issuer.id().value();
        OrganisationProfile profile = issuer.profile();
        ObjectNode p = BoundedJson.MAPPER.createObjectNode();
        p.put("@context", Ob2Writer.CONTEXT);
        p.put("type", "Issuer");
        p.put("id", urls.ob2Issuer(org));
        p.put("name", profile.name());
        p.put("url", profile.websiteUrl() != null ? profile.websiteUrl() : urls.base());
        if (profile.contactEmail() != null) {
            p.put("email", profile.contactEmail());
        }
        if (profile.description() != null) {
            p.put("description", profile.description());
        }
        if (issuer.hasLogo()) {
            p.put("image", urls.base() + "/organisations/" + org + "/logo");
        }
        ArrayNode publicKeys = p.putArray("publicKey");
        keys.stream().filter(k -> k.algorithm() == KeyAlgorithm.RSA).forEach(k -> publicKeys.add(urls.ob2Key(k.id().value())));
        p.put("revocationList", urls.ob2Revocations(org));
        return Ob2Writer.write(p);
    }

    /** OB 2.0 §BadgeClass. */
    static byte[] ob2BadgeClass(PublicBadgeClass badgeClass, HostedUrls urls) {
        BadgeClassContent content = badgeClass.content();
        ObjectNode b = BoundedJson.MAPPER.createObjectNode();
        b.put("@context", Ob2Writer.CONTEXT);
        b.put("type", "BadgeClass");
        b.put("id", urls.ob2BadgeClass(badgeClass.id().value()));
        b.put("name", content.name());
        b.put("description", content.description());
        b.put("image", urls.badgeImage(badgeClass.id().value()));
        b.putObject("criteria").put("narrative", content.criteriaMarkdown());
        b.put("issuer", urls.ob2Issuer(badgeClass.organisation().value()));
        if (!content.alignments().isEmpty()) {
            ArrayNode alignments = b.putArray("alignment");
            for (Alignment alignment : content.alignments()) {
                ObjectNode a = alignments.addObject();
                a.put("targetName", alignment.name());
                a.put("targetUrl", alignment.url());
                a.put("targetFramework", alignment.framework());
                if (alignment.code() != null) {
                    a.put("targetCode", alignment.code());
                }
            }
        }
        if (!content.tags().isEmpty()) {
            ArrayNode tags = b.putArray("tags");
            content.tags().forEach(tags::add);
        }
        return Ob2Writer.write(b);
    }

    /** OB 2.0 §CryptographicKey, owned by the issuer profile that lists it. */
    static byte[] ob2Key(PublicSigningKey key, HostedUrls urls) {
        return Ob2Writer.write(CryptographicKey.of(java.net.URI.create(urls.ob2Key(key.id().value())),
                java.net.URI.create(urls.ob2Issuer(key.organisation().value())), key.rsaPublicKey()).json());
    }

    /** OB 2.0 §RevocationList: every revoked assertion with its reason. */
    static byte[] ob2Revocations(UUID organisation, List<Award> revoked, HostedUrls urls) {
        ObjectNode r = BoundedJson.MAPPER.createObjectNode();
        r.put("@context", Ob2Writer.CONTEXT);
        r.put("id", urls.ob2Revocations(organisation));
        r.put("type", "RevocationList");
        r.put("issuer", urls.ob2Issuer(organisation));
        ArrayNode list = r.putArray("revokedAssertions");
        for (Award award : revoked) {
            ObjectNode entry = list.addObject();
            entry.put("id", urls.ob2Assertion(award.id().value()));
            if (award.revocationReason() != null) {
                entry.put("revocationReason", award.revocationReason());
            }
        }
        return Ob2Writer.write(r);
    }

    /** OB 3.0 1EdTech revocation list: every revoked credential of the organisation with its reason. */
    static byte[] ob3Revocations(UUID organisation, List<Award> revoked, HostedUrls urls) {
        ObjectNode r = BoundedJson.MAPPER.createObjectNode();
        r.put("id", urls.ob3Revocations(organisation));
        r.put("issuer", urls.ob3Issuer(organisation));
        ArrayNode list = r.putArray("revokedCredential");
        for (Award award : revoked) {
            ObjectNode entry = list.addObject();
            entry.put("id", urls.ob3Credential(award.id().value()));
            entry.put("revoked", true);
            if (award.revocationReason() != null) {
                entry.put("revocationReason", award.revocationReason());
            }
        }
        return write(r);
    }

    /** What a revoked hosted assertion answers (with 410 Gone): that it is revoked and why, nothing else. */
    static byte[] ob2RevokedAssertion(Award award, HostedUrls urls) {
        ObjectNode r = BoundedJson.MAPPER.createObjectNode();
        r.put("@context", Ob2Writer.CONTEXT);
        r.put("id", urls.ob2Assertion(award.id().value()));
        r.put("type", "Assertion");
        r.put("revoked", true);
        if (award.revocationReason() != null) {
            r.put("revocationReason", award.revocationReason());
        }
        return Ob2Writer.write(r);
    }

    /** The OB 3.0 issuer Profile, listing its Multikey verification methods (Controlled Identifiers §2.2). */
    static byte[] ob3Issuer(OrganisationProfileView issuer, List<PublicSigningKey> keys, HostedUrls urls) {
        UUID org = issuer.id().value();
        OrganisationProfile profile = issuer.profile();
        ObjectNode p = BoundedJson.MAPPER.createObjectNode();
        p.putArray("@context").add(OpenBadgeCredential.VCDM2_CONTEXT).add(CredentialWriter.OB_CONTEXT).add(MULTIKEY_CONTEXT);
        p.put("id", urls.ob3Issuer(org));
        p.putArray("type").add("Profile");
        p.put("name", profile.name());
        if (profile.websiteUrl() != null) {
            p.put("url", profile.websiteUrl());
        }
        if (profile.description() != null) {
            p.put("description", profile.description());
        }
        ArrayNode methods = p.putArray("verificationMethod");
        ArrayNode assertion = p.putArray("assertionMethod");
        for (PublicSigningKey key : keys) {
            if (key.algorithm() == KeyAlgorithm.ED25519) {
                methods.add(multikey(key, urls));
                assertion.add(urls.ob3Key(org, key.id().value()));
            }
        }
        return write(p);
    }

    /** A Multikey document at its own URL, naming the issuer as its controller. */
    static byte[] ob3Key(PublicSigningKey key, HostedUrls urls) {
        ObjectNode k = multikey(key, urls);
        k.putArray("@context").add(MULTIKEY_CONTEXT);
        return write(k);
    }

    private static ObjectNode multikey(PublicSigningKey key, HostedUrls urls) {
        ObjectNode k = BoundedJson.MAPPER.createObjectNode();
        k.put("id", urls.ob3Key(key.organisation().value(), key.id().value()));
        k.put("type", "Multikey");
        k.put("controller", urls.ob3Issuer(key.organisation().value()));
        k.put("publicKeyMultibase", key.multibase());
        return k;
    }

    /**
     * The payload of the signed form of a stored hosted assertion (OB 2.0 §"Signed Badges"): the same assertion,
     * its {@code verification} now {@code SignedBadge} naming the key in {@code creator}. The id stays the hosted
     * URL, which is what the organisation's revocation list names.
     */
    static byte[] ob2SignedPayload(byte[] hostedAssertion, UUID rsaKey, HostedUrls urls) {
        ObjectNode assertion;
        try {
            assertion = BoundedJson.readObject(hostedAssertion);
        } catch (BoundedJson.JsonUnreadable e) {
            throw new IllegalStateException("stored assertion unreadable", e);
        }
        ObjectNode verification = BoundedJson.MAPPER.createObjectNode();
        verification.put("type", "SignedBadge");
        verification.put("creator", urls.ob2Key(rsaKey));
        assertion.set("verification", verification);
        return Ob2Writer.write(assertion);
    }

    /**
     * The organisation's DID document for did:web (DID Core §5; Controlled Identifiers §2.2.2 Multikey): every
     * Ed25519 key it ever signed with, retired ones included, so that what they signed keeps verifying.
     */
    static byte[] didDocument(UUID organisation, List<PublicSigningKey> keys, HostedUrls urls) {
        String did = urls.didWeb(organisation);
        ObjectNode d = BoundedJson.MAPPER.createObjectNode();
        d.putArray("@context").add("https://www.w3.org/ns/did/v1").add(MULTIKEY_CONTEXT);
        d.put("id", did);
        d.putArray("alsoKnownAs").add(urls.ob3Issuer(organisation));
        ArrayNode methods = d.putArray("verificationMethod");
        ArrayNode assertion = d.putArray("assertionMethod");
        for (PublicSigningKey key : keys) {
            if (key.algorithm() == KeyAlgorithm.ED25519) {
                String id = did + "#" + key.id().value();
                ObjectNode k = methods.addObject();
                k.put("id", id);
                k.put("type", "Multikey");
                k.put("controller", did);
                k.put("publicKeyMultibase", key.multibase());
                assertion.add(id);
            }
        }
        return write(d);
    }

    private static byte[] write(ObjectNode node) {
        return BoundedJson.MAPPER.writeValueAsBytes(node);
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
