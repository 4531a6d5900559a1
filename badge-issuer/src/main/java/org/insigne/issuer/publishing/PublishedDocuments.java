package org.insigne.issuer.publishing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.insigne.core.did.DidDocumentWriter;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.jsonld.JsonLdRejected;
import org.insigne.core.ob2.CryptographicKey;
import org.insigne.core.ob2.Ob2DocumentWriter;
import org.insigne.core.ob2.Ob2Writer;
import org.insigne.core.ob3.BitstringStatusList;
import org.insigne.core.ob3.CredentialWriter;
import org.insigne.core.ob3.Ob3DocumentWriter;
import org.insigne.core.ob3.OpenBadgeCredential;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.key.KeyAlgorithm;
import org.insigne.issuer.key.PublicSigningKey;
import org.insigne.issuer.key.SigningKeyId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public documents of an organisation, gathered from its profile, badge classes and keys and written by the
 * core's writers: OB 2.0 Issuer Profile, BadgeClass and CryptographicKey (ob_v2p0), OB 3.0 issuer Profile,
 * Multikey documents and Achievement, the signed Bitstring Status List credential and the DID document; and
 * the signing of credentials, shared with the documents of awards.
 */
public final class PublishedDocuments {

    /**
     * One instance for every credential: it keeps the canonical proof configuration of each signing key as a
     * template, which a new instance per credential would compute again in full each time.
     */
    private static final DataIntegrityProofs PROOFS = DataIntegrityProofs.standard();

    private PublishedDocuments() {
    }

    /** The Achievement of a badge class as a document of its own at its id, as credentials embed it. */
    static byte[] ob3Achievement(PublicBadgeClass badgeClass, HostedUrls urls) {
        return CredentialWriter.writeAchievement(achievement(badgeClass, urls));
    }

    /** The same, giving {@code applyUrl} (when not null) as the Apply Link extension's address. */
    static byte[] ob3Achievement(PublicBadgeClass badgeClass, @Nullable String applyUrl, HostedUrls urls) {
        byte[] document = ob3Achievement(badgeClass, urls);
        if (applyUrl == null) {
            return document;
        }
        try {
            return BoundedJson.MAPPER.writeValueAsBytes(
                    CredentialWriter.withApplyLink(BoundedJson.readObject(document), applyUrl));
        } catch (BoundedJson.JsonUnreadable written) {
            throw new IllegalStateException("achievement written here unreadable", written);
        }
    }

    /**
     * The Achievement of a badge class, as credentials embed it and as its own document at its id: one rubric
     * level per competence level of the badge class.
     */
    public static OpenBadgeCredential.Achievement achievement(PublicBadgeClass badgeClass, HostedUrls urls) {
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

    /**
     * The hosted OB 2.0 Endorsement (ob_v2p0 §Endorsement) of an endorser organisation about an issuer profile or
     * badge class ({@code claim}, its OB 2.0 URL).
     */
    public static byte[] ob2Endorsement(UUID endorsement, UUID endorser, String claim, String comment, Instant issuedOn,
                                        HostedUrls urls) {
        return Ob2DocumentWriter.endorsement(new Ob2DocumentWriter.EndorsementDraft(urls.ob2Endorsement(endorsement),
                claim, comment, urls.ob2Issuer(endorser), issuedOn));
    }

    /**
     * The OB 3.0 EndorsementCredential of {@code endorser} about {@code subject} (an OB 3.0 Profile or Achievement
     * id), signed with its key, its status at bit {@code status} of its lists.
     */
    public static byte[] ob3Endorsement(UUID endorsement, OrganisationProfileView endorser, String endorsedName,
                                        String subject, String comment, Signer keys, Instant now,
                                        CredentialWriter.StatusEntry status, HostedUrls urls) {
        OrganisationProfile profile = endorser.profile();
        OpenBadgeCredential.Profile issuer = new OpenBadgeCredential.Profile(
                urls.ob3IssuerId(endorser.id().value(), keys.pair().publicKeyMultibase()), List.of("Profile"),
                profile.name(), profile.websiteUrl() != null ? profile.websiteUrl() : urls.ob2Issuer(endorser.id().value()),
                null, null, null);
        ObjectNode unsigned = Ob3DocumentWriter.endorsement(new Ob3DocumentWriter.EndorsementDraft(
                urls.ob3Endorsement(endorsement), issuer, profile.name() + " → " + endorsedName, now, subject, comment,
                status));
        return sign(unsigned, keys, endorser, now, urls, "endorsement " + endorsement);
    }

    /** The id of level {@code index} (from 0) of an achievement's rubric. */
    public static String levelId(String achievementId, int index) {
        return achievementId + "#level-" + (index + 1);
    }

    /**
     * A BitstringStatusListCredential (vc-bitstring-status-list §2.2) for list {@code list} of the organisation,
     * signed like its credentials: same issuer, same key, so that verifiers accept it for them (§3.2 step 7).
     */
    static byte[] statusListCredential(OrganisationProfileView issuer, int list, BitstringStatusList bits,
                                       Signer keys, Instant now, HostedUrls urls) {
        ObjectNode unsigned = Ob3DocumentWriter.statusList(new Ob3DocumentWriter.StatusListDraft(
                urls.ob3StatusList(issuer.id().value(), list),
                urls.ob3IssuerId(issuer.id().value(), keys.pair().publicKeyMultibase()), now, StatusLists.PURPOSE, bits));
        return sign(unsigned, keys, issuer, now, urls, "status list " + list + " of organisation " + issuer.id().value());
    }

    /** One Ed25519 key of an organisation, with its id, about to sign. */
    public record Signer(SigningKeyId id, Ed25519Keys.KeyPair pair) {
    }

    /**
     * Signs {@code unsigned} with a Data Integrity proof (eddsa-rdfc-2022) naming the key as this address shows
     * it, and answers the bytes to store and serve as they are.
     */
    public static byte[] sign(ObjectNode unsigned, Signer keys, OrganisationProfileView issuer, Instant now,
                               HostedUrls urls, String what) {
        String method = urls.verificationMethod(issuer.id().value(), keys.id().value(),
                keys.pair().publicKeyMultibase());
        try {
            ObjectNode signed = PROOFS.sign(unsigned,
                    DataIntegrityProofs.ProofOptions.assertion(method, now.truncatedTo(ChronoUnit.SECONDS)), keys.pair());
            return BoundedJson.MAPPER.writeValueAsBytes(signed);
        } catch (JsonLdRejected e) {
            // Our own documents only use bundled contexts; a refusal here is a bug, not bad input.
            throw new IllegalStateException(what + " could not be canonicalised", e);
        }
    }

    /** OB 2.0 §Profile: the issuer's public keys and revocation list, which verifiers take from here. */
    static byte[] ob2Issuer(OrganisationProfileView issuer, List<PublicSigningKey> keys, HostedUrls urls) {
        UUID org = issuer.id().value();
        OrganisationProfile profile = issuer.profile();
        return Ob2DocumentWriter.issuer(new Ob2DocumentWriter.IssuerDraft(urls.ob2Issuer(org), profile.name(),
                profile.websiteUrl() != null ? profile.websiteUrl() : urls.base(), profile.contactEmail(),
                profile.description(), issuer.hasLogo() ? urls.organisationLogo(org) : null,
                keys.stream().filter(k -> k.algorithm() == KeyAlgorithm.RSA).map(k -> urls.ob2Key(k.id().value()))
                        .toList(), urls.ob2Revocations(org)));
    }

    /** OB 2.0 §BadgeClass. */
    static byte[] ob2BadgeClass(PublicBadgeClass badgeClass, HostedUrls urls) {
        BadgeClassContent content = badgeClass.content();
        UUID id = badgeClass.id().value();
        return Ob2DocumentWriter.badgeClass(new Ob2DocumentWriter.BadgeClassDraft(urls.ob2BadgeClass(id),
                content.name(), content.description(), urls.badgeImage(id), content.criteriaMarkdown(),
                urls.ob2Issuer(badgeClass.organisation().value()), content.alignments().stream()
                .map(a -> new Ob2DocumentWriter.AlignmentDraft(a.name(), a.url(), a.framework(), a.code())).toList(),
                content.tags()));
    }

    /** OB 2.0 §CryptographicKey, owned by the issuer profile that lists it. */
    static byte[] ob2Key(PublicSigningKey key, HostedUrls urls) {
        return Ob2Writer.write(CryptographicKey.of(java.net.URI.create(urls.ob2Key(key.id().value())),
                java.net.URI.create(urls.ob2Issuer(key.organisation().value())), key.rsaPublicKey()).json());
    }

    /** The OB 3.0 issuer Profile, listing its Multikey verification methods (Controlled Identifiers §2.2). */
    static byte[] ob3Issuer(OrganisationProfileView issuer, List<PublicSigningKey> keys, HostedUrls urls) {
        OrganisationProfile profile = issuer.profile();
        return Ob3DocumentWriter.profile(new Ob3DocumentWriter.ProfileDraft(urls.ob3Issuer(issuer.id().value()),
                profile.name(), profile.websiteUrl(), profile.description(), keys.stream()
                .filter(k -> k.algorithm() == KeyAlgorithm.ED25519).map(k -> multikey(k, urls)).toList()));
    }

    /** A Multikey document at its own URL, naming the issuer as its controller. */
    static byte[] ob3Key(PublicSigningKey key, HostedUrls urls) {
        return Ob3DocumentWriter.multikey(multikey(key, urls));
    }

    private static Ob3DocumentWriter.Multikey multikey(PublicSigningKey key, HostedUrls urls) {
        UUID org = key.organisation().value();
        return new Ob3DocumentWriter.Multikey(urls.ob3Key(org, key.id().value()), urls.ob3Issuer(org), key.multibase());
    }

    /**
     * The payload of the signed form of a stored hosted assertion (OB 2.0 §"Signed Badges"), its key named by
     * URL in {@code creator}.
     */
    static byte[] ob2SignedPayload(byte[] hostedAssertion, UUID rsaKey, HostedUrls urls) {
        return Ob2DocumentWriter.signedBadgePayload(new Ob2DocumentWriter.SignedBadgeDraft(hostedAssertion,
                urls.ob2Key(rsaKey)));
    }

    /**
     * The organisation's DID document for did:web (DID Core §5; Controlled Identifiers §2.2.2 Multikey): every
     * Ed25519 key it ever signed with, retired ones included, so that what they signed keeps verifying.
     */
    static byte[] didDocument(UUID organisation, List<PublicSigningKey> keys, HostedUrls urls) {
        return DidDocumentWriter.write(new DidDocumentWriter.DidDocumentDraft(urls.didWeb(organisation),
                List.of(urls.ob3Issuer(organisation)), keys.stream().filter(k -> k.algorithm() == KeyAlgorithm.ED25519)
                .map(k -> new DidDocumentWriter.Key(k.id().value().toString(), k.multibase())).toList()));
    }
}
