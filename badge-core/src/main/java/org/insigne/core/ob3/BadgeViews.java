package org.insigne.core.ob3;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Spec;
import org.jspecify.annotations.Nullable;

/** Builds the display view of a credential; the level comes from result.achievedLevel → rubric level name. */
final class BadgeViews {

    private BadgeViews() {
    }

    static BadgeView of(OpenBadgeCredential credential, List<BadgeView.Party> endorsers,
                        List<BadgeView.Endorsement> endorsements) {
        OpenBadgeCredential.Achievement achievement = credential.achievement();
        OpenBadgeCredential.Profile issuer = credential.issuer();
        String name = firstNonNull(achievement == null ? null : achievement.name(), credential.name(), "?");
        String description = achievement != null && achievement.description() != null ? achievement.description()
                : credential.description();
        OpenBadgeCredential.Image image = credential.image() != null ? credential.image()
                : achievement == null ? null : achievement.image();
        OpenBadgeCredential.Criteria criteria = achievement == null ? null : achievement.criteria();
        return new BadgeView(Spec.OB3, uri(credential.id()), name, description,
                image == null ? null : uri(image.id()),
                criteria == null ? null : criteria.narrative(),
                criteria == null ? null : uri(criteria.id()),
                party(issuer),
                credential.validFrom(), credential.validUntil(),
                level(credential),
                credential.evidence().stream()
                        .map(e -> new BadgeView.Evidence(uri(e.id()), e.name(), e.narrative())).toList(),
                achievement == null ? List.of() : achievement.alignment().stream()
                        .filter(a -> a.targetName() != null)
                        .map(a -> new BadgeView.Alignment(uri(a.targetUrl()), Objects.requireNonNull(a.targetName()),
                                a.targetFramework(), a.targetCode())).toList(),
                achievement == null ? List.of() : achievement.tag(),
                endorsers, endorsements);
    }

    static BadgeView.Party party(OpenBadgeCredential.@Nullable Profile profile) {
        if (profile == null) {
            return new BadgeView.Party(null, "?", null, null);
        }
        return new BadgeView.Party(uri(profile.id()), firstNonNull(profile.name(), profile.id(), "?"),
                uri(profile.url()), profile.image() == null ? null : uri(profile.image().id()));
    }

    /** The rubric level the earner reached, e.g. "Je transmets". */
    static @Nullable String level(OpenBadgeCredential credential) {
        OpenBadgeCredential.AchievementSubject subject = credential.credentialSubject();
        OpenBadgeCredential.Achievement achievement = credential.achievement();
        if (subject == null || achievement == null) {
            return null;
        }
        for (OpenBadgeCredential.Result result : subject.result()) {
            if (result.achievedLevel() == null) {
                continue;
            }
            for (OpenBadgeCredential.ResultDescription description : achievement.resultDescription()) {
                if (result.resultDescription() != null && !result.resultDescription().equals(description.id())) {
                    continue;
                }
                for (OpenBadgeCredential.RubricCriterionLevel level : description.rubricCriterionLevel()) {
                    if (result.achievedLevel().equals(level.id())) {
                        return level.name();
                    }
                }
            }
        }
        return null;
    }

    private static String firstNonNull(@Nullable String a, @Nullable String b, String fallback) {
        return a != null ? a : b != null ? b : fallback;
    }

    static @Nullable URI uri(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
