package org.insigne.issuer.badgeclass;

import java.time.Instant;

import org.insigne.issuer.organisation.OrganisationView;

/**
 * A badge class as a member of its organisation sees it: its content, the criteria already turned into safe
 * HTML, and whether this member may change it.
 */
public record BadgeClassView(BadgeClassId id, OrganisationView organisation, BadgeClassContent content,
                             String criteriaHtml, BadgeClassStatus status, String imageMediaType,
                             Instant updatedAt, boolean editable) {

    public boolean canPublish() {
        return editable && status == BadgeClassStatus.DRAFT;
    }

    public boolean canArchive() {
        return editable && status != BadgeClassStatus.ARCHIVED;
    }

    /** Awarders and above award from published badge classes only. */
    public boolean canAward() {
        return status == BadgeClassStatus.PUBLISHED
                && organisation.role().includes(org.insigne.issuer.organisation.StaffRole.AWARDER);
    }

    public boolean canEdit() {
        return editable && status != BadgeClassStatus.ARCHIVED;
    }
}
