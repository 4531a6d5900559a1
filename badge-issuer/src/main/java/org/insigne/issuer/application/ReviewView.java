package org.insigne.issuer.application;

import java.util.List;
import java.util.UUID;

import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.jspecify.annotations.Nullable;

/**
 * The review screen: the application, the badge class (criteria, levels), the settings with their instructions,
 * the criteria as checklist items, the reviews so far, how many approvals this revision has and needs, and the
 * reviewer it is assigned to.
 */
public record ReviewView(ApplicationView application, PublicBadgeClass badgeClass, ApplicationSettings settings,
                         boolean ownApplication, List<String> criteria, List<ReviewRecord> reviews, int approvals,
                         boolean approvedByMe, @Nullable UUID assignee) {

    /** Whether one more approval awards the badge (else it is counted and the application waits). */
    public boolean nextApprovalAwards() {
        return approvals + 1 >= settings.requiredApprovals();
    }
}
