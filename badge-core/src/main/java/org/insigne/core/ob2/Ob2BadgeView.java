package org.insigne.core.ob2;

import java.net.URI;
import java.util.List;

import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Spec;

/** What a verified OB 2.0 assertion shows: its badge class, issuer, evidence and endorsers, as one view. */
final class Ob2BadgeView {

    private Ob2BadgeView() {
    }

    static BadgeView of(Assertion assertion, BadgeClass badge, Profile issuer, List<BadgeView.Party> endorsers,
                        List<BadgeView.Endorsement> endorsements) {
        Image image = badge.image() != null ? badge.image() : assertion.image();
        List<BadgeView.Evidence> evidence = assertion.evidence().stream()
                .map(e -> new BadgeView.Evidence(Fields.safeUri(e.id()), e.name(),
                        e.narrative() != null ? e.narrative() : e.description()))
                .toList();
        List<BadgeView.Alignment> alignments = badge.alignments().stream()
                .map(a -> new BadgeView.Alignment(Fields.safeUri(a.targetUrl()), a.targetName(), a.targetFramework(),
                        a.targetCode()))
                .toList();
        URI criteriaUrl = badge.criteria().id() == null || badge.criteria().id().startsWith("_:")
                ? null : Fields.safeUri(badge.criteria().id());
        return new BadgeView(Spec.OB2, assertion.id(), badge.name(), badge.description(),
                image == null ? null : Fields.safeUri(image.id()), badge.criteria().narrative(), criteriaUrl,
                party(issuer), assertion.issuedOn(), assertion.expires(), null, evidence, alignments, badge.tags(),
                endorsers, endorsements);
    }

    static BadgeView.Party party(Profile profile) {
        return new BadgeView.Party(profile.id(), profile.displayName(), Fields.safeUri(profile.url()),
                profile.image() == null ? null : Fields.safeUri(profile.image().id()));
    }
}
