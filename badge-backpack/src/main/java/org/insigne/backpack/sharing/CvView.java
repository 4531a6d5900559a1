package org.insigne.backpack.sharing;

import java.time.Instant;
import java.util.List;

import org.insigne.backpack.badge.StoredBadgeView;

/** An anonymous CV as its owner sees it. */
public record CvView(CvId id, String publicId, String label, boolean revoked, Instant createdAt,
                     List<StoredBadgeView> badges) {
    public CvView {
        badges = List.copyOf(badges);
    }
}
