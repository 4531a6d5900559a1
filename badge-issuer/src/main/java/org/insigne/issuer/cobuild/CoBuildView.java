package org.insigne.issuer.cobuild;

import java.time.Instant;
import java.util.List;

import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** A co-construction as its animator and its person see it: the answers so far and where it stands. */
public record CoBuildView(CoBuildId id, OrganisationId organisation, CoBuildMode mode, String personName,
                          String personEmail, CoBuildState state, @Nullable String experience,
                          @Nullable String skills, List<String> chosenTags, @Nullable String level,
                          List<String> evidenceLinks, @Nullable String badgeName, @Nullable String badgeDescription,
                          BadgeTemplate.Shape shape, BadgeTemplate.Colour colour, boolean uploadedImage,
                          @Nullable Instant linkExpiresAt, @Nullable BadgeClassId badgeClass,
                          @Nullable AwardId award, Instant createdAt, Instant updatedAt) {

    public CoBuildView {
        chosenTags = List.copyOf(chosenTags);
        evidenceLinks = List.copyOf(evidenceLinks);
    }

    public boolean isDraft() {
        return state == CoBuildState.DRAFT;
    }

    /** Everything the badge needs is written: the person can be asked to validate it. */
    public boolean complete() {
        return experience != null && skills != null && level != null && badgeName != null
                && badgeDescription != null;
    }

    /** The first step still unanswered, where someone coming back resumes; the consent step when all are. */
    public CoBuildStep resumeAt() {
        if (experience == null) {
            return CoBuildStep.EXPERIENCE;
        }
        if (skills == null) {
            return CoBuildStep.SKILLS;
        }
        if (level == null) {
            return CoBuildStep.LEVEL;
        }
        if (badgeName == null || badgeDescription == null) {
            return CoBuildStep.WORDING;
        }
        return CoBuildStep.CONSENT;
    }
}
