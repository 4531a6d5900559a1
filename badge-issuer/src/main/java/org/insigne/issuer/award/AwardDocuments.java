package org.insigne.issuer.award;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.insigne.core.ob2.IdentityObject;
import org.insigne.core.ob2.Ob2DocumentWriter;
import org.insigne.core.ob3.CredentialWriter;
import org.insigne.core.ob3.Ob3DocumentWriter;
import org.insigne.core.ob3.OpenBadgeCredential;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.key.OrganisationKeys;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.PublishedDocuments;
import org.jspecify.annotations.Nullable;

/**
 * The documents of awards, gathered from the award, its badge class and its issuer and written by the core's
 * writers: the OB 2.0 hosted assertion and the OB 3.0 credential with an eddsa-rdfc-2022 Data Integrity proof
 * as signed once, the organisation's revocation lists, and what a revoked hosted assertion answers.
 */
final class AwardDocuments {

    private AwardDocuments() {
    }

    /** OB 2.0 §Assertion with HostedBadge verification: its id is where it is served. */
    static byte[] ob2Assertion(UUID award, PublicBadgeClass badgeClass, AwardRequest request,
                               List<EvidenceLink> moreEvidence, IdentityObject recipient, Instant issuedOn,
                               @Nullable Instant expires, HostedUrls urls) {
        return Ob2DocumentWriter.assertion(new Ob2DocumentWriter.AssertionDraft(urls.ob2Assertion(award), recipient,
                urls.ob2BadgeClass(badgeClass.id().value()), issuedOn, expires, request.hasEvidence()
                ? new Ob2DocumentWriter.EvidenceDraft(request.evidenceUrl(), request.evidenceNarrative()) : null,
                moreEvidence.stream().map(e -> new Ob2DocumentWriter.EvidenceDraft(e.url(), null, e.name())).toList()));
    }

    /**
     * OB 3.0 OpenBadgeCredential, signed with the organisation's Ed25519 key (VC Data Integrity EdDSA 2022). Its
     * {@code credentialStatus} is bit {@code status} of the organisation's Bitstring Status List.
     */
    static byte[] ob3Credential(UUID award, PublicBadgeClass badgeClass, OrganisationProfileView issuer,
                                AwardRequest request, List<EvidenceLink> moreEvidence, IdentityObject recipient,
                                Instant issuedOn,
                                @Nullable Instant expires, OrganisationKeys keys, Instant now, HostedUrls urls,
                                CredentialWriter.StatusEntry status) {
        return ob3Credential(award, badgeClass, issuer, request, moreEvidence, recipient, issuedOn, expires, keys, now,
                urls, status, List.of());
    }

    /**
     * The same, with the signed endorsement credentials of the badge class embedded in
     * {@code credentialSubject.achievement.endorsement}: a badge awarded after an endorsement carries it.
     */
    static byte[] ob3Credential(UUID award, PublicBadgeClass badgeClass, OrganisationProfileView issuer,
                                AwardRequest request, List<EvidenceLink> moreEvidence, IdentityObject recipient,
                                Instant issuedOn, @Nullable Instant expires, OrganisationKeys keys, Instant now,
                                HostedUrls urls, CredentialWriter.StatusEntry status,
                                List<byte[]> achievementEndorsements) {
        return ob3Credential(award, badgeClass, issuer, request, moreEvidence, recipient, issuedOn, expires, keys, now,
                urls, status, achievementEndorsements, null);
    }

    /** The same, the achievement giving {@code applyLink} (when not null) as the Apply Link extension's address. */
    static byte[] ob3Credential(UUID award, PublicBadgeClass badgeClass, OrganisationProfileView issuer,
                                AwardRequest request, List<EvidenceLink> moreEvidence, IdentityObject recipient,
                                Instant issuedOn, @Nullable Instant expires, OrganisationKeys keys, Instant now,
                                HostedUrls urls, CredentialWriter.StatusEntry status,
                                List<byte[]> achievementEndorsements, @Nullable String applyLink) {
        return ob3Credential(award, badgeClass, issuer, request, moreEvidence, recipient, issuedOn, expires, keys, now,
                urls, status, achievementEndorsements, applyLink, null);
    }

    /** The same, the subject carrying the earner's own {@code narrative} (when not null). */
    static byte[] ob3Credential(UUID award, PublicBadgeClass badgeClass, OrganisationProfileView issuer,
                                AwardRequest request, List<EvidenceLink> moreEvidence, IdentityObject recipient,
                                Instant issuedOn, @Nullable Instant expires, OrganisationKeys keys, Instant now,
                                HostedUrls urls, CredentialWriter.StatusEntry status,
                                List<byte[]> achievementEndorsements, @Nullable String applyLink,
                                @Nullable String narrative) {
        String issuerId = urls.ob3IssuerId(issuer.id().value(), keys.ed25519().publicKeyMultibase());
        OrganisationProfile profile = issuer.profile();
        OpenBadgeCredential.Profile issuerProfile = new OpenBadgeCredential.Profile(issuerId, List.of("Profile"),
                profile.name(), profile.websiteUrl() != null ? profile.websiteUrl() : urls.ob2Issuer(issuer.id().value()),
                profile.contactEmail(), profile.description(), null);
        OpenBadgeCredential.Achievement achievement = PublishedDocuments.achievement(badgeClass, urls);
        String achievedLevel = null;
        List<String> levels = badgeClass.content().levels();
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).equals(request.level())) {
                achievedLevel = PublishedDocuments.levelId(achievement.id(), i);
            }
        }
        List<OpenBadgeCredential.Evidence> evidence = new ArrayList<>();
        if (request.hasEvidence()) {
            evidence.add(new OpenBadgeCredential.Evidence(request.evidenceUrl(), null, request.evidenceNarrative(), null));
        }
        moreEvidence.forEach(e -> evidence.add(new OpenBadgeCredential.Evidence(e.url(), e.name(), null, null)));
        CredentialWriter.Draft draft = new CredentialWriter.Draft(urls.ob3Credential(award), issuerProfile, issuedOn,
                expires, achievement, new CredentialWriter.Recipient(null, request.recipientEmail(), recipient.salt()),
                achievedLevel, evidence, status);
        return PublishedDocuments.sign(CredentialWriter.withSubjectNarrative(CredentialWriter.withApplyLink(
                        CredentialWriter.endorseAchievement(CredentialWriter.write(draft), achievementEndorsements),
                        applyLink), narrative),
                new PublishedDocuments.Signer(keys.ed25519Id(), keys.ed25519()), issuer, now, urls,
                "credential for award " + award);
    }

    /** OB 2.0 §RevocationList: every revoked assertion with its reason. */
    static byte[] ob2Revocations(UUID organisation, List<Award> revoked, HostedUrls urls) {
        return Ob2DocumentWriter.revocationList(new Ob2DocumentWriter.RevocationListDraft(
                urls.ob2Revocations(organisation), urls.ob2Issuer(organisation), revoked.stream()
                .map(a -> new Ob2DocumentWriter.Revoked(urls.ob2Assertion(a.id().value()), a.revocationReason()))
                .toList()));
    }

    /** OB 3.0 1EdTech revocation list: every revoked credential of the organisation with its reason. */
    static byte[] ob3Revocations(UUID organisation, List<Award> revoked, HostedUrls urls) {
        return Ob3DocumentWriter.revocationList(new Ob3DocumentWriter.RevocationListDraft(
                urls.ob3Revocations(organisation), urls.ob3Issuer(organisation), revoked.stream()
                .map(a -> new Ob3DocumentWriter.RevocationListDraft.Revoked(urls.ob3Credential(a.id().value()), a.revocationReason()))
                .toList()));
    }

    /** What a revoked hosted assertion answers (with 410 Gone): that it is revoked and why, nothing else. */
    static byte[] ob2RevokedAssertion(Award award, HostedUrls urls) {
        return Ob2DocumentWriter.revokedAssertion(new Ob2DocumentWriter.Revoked(urls.ob2Assertion(award.id().value()),
                award.revocationReason()));
    }

}
