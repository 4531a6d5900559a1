package org.insigne.issuer.publishing;

import java.util.Optional;

import org.insigne.core.ob2.Ob2DocumentWriter;
import org.insigne.core.ob3.Ob3DocumentWriter;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.key.KeyAlgorithm;
import org.insigne.issuer.key.SigningKeyId;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public documents verifiers fetch about an organisation: issuer profiles, badge classes and keys. They are
 * built on each request from current data, under the platform's public address.
 */
@Service
@Transactional(readOnly = true)
public class HostedDocuments {

    private final BadgeClassService badgeClasses;
    private final SigningKeyService keys;
    private final PublishedEndorsements endorsements;
    private final ApplyLinks applyLinks;
    private final IssuerProfiles issuers;

    HostedDocuments(BadgeClassService badgeClasses, SigningKeyService keys,
                    PublishedEndorsements endorsements, ApplyLinks applyLinks, IssuerProfiles issuers) {
        this.issuers = issuers;
        this.endorsements = endorsements;
        this.applyLinks = applyLinks;
        this.badgeClasses = badgeClasses;
        this.keys = keys;
    }

    public Optional<byte[]> ob2Issuer(OrganisationId id, HostedUrls urls) {
        return issuers.of(id).map(p -> Ob2DocumentWriter.withEndorsements(
                PublishedDocuments.ob2Issuer(p, keys.publishedKeys(id), urls),
                endorsements.ob2Urls(PublishedEndorsements.ORGANISATION, id.value(), urls)));
    }

    public Optional<byte[]> ob2BadgeClass(BadgeClassId id, HostedUrls urls) {
        return badgeClasses.publicBadgeClass(id).map(b -> Ob2DocumentWriter.withApplyLink(
                Ob2DocumentWriter.withEndorsements(PublishedDocuments.ob2BadgeClass(b, urls),
                        endorsements.ob2Urls(PublishedEndorsements.BADGE_CLASS, id.value(), urls)),
                applyLinks.url(id, urls)));
    }

    /** The badge class for its human page. */
    public Optional<PublicBadgeClass> badgeClass(BadgeClassId id) {
        return badgeClasses.publicBadgeClass(id);
    }

    public Optional<String> issuerName(OrganisationId id) {
        return issuers.of(id).map(p -> p.profile().name());
    }

    public Optional<byte[]> ob2Key(SigningKeyId id, HostedUrls urls) {
        return keys.publishedKey(id).filter(k -> k.algorithm() == KeyAlgorithm.RSA)
                .map(k -> PublishedDocuments.ob2Key(k, urls));
    }

    public Optional<byte[]> ob3Issuer(OrganisationId id, HostedUrls urls) {
        return issuers.of(id).map(p -> Ob3DocumentWriter.withEndorsements(
                PublishedDocuments.ob3Issuer(p, keys.publishedKeys(id), urls),
                endorsements.credentials(PublishedEndorsements.ORGANISATION, id.value())));
    }

    public Optional<byte[]> ob3Key(OrganisationId organisation, SigningKeyId id, HostedUrls urls) {
        return keys.publishedKey(id)
                .filter(k -> k.algorithm() == KeyAlgorithm.ED25519 && k.organisation().equals(organisation))
                .map(k -> PublishedDocuments.ob3Key(k, urls));
    }
}
