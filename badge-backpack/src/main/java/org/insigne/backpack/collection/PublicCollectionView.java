package org.insigne.backpack.collection;

import java.util.List;

import org.insigne.backpack.badge.PublicBadgeView;
import org.jspecify.annotations.Nullable;

/** A shared collection as anyone sees it: only the badges that are public themselves, nothing of the owner. */
public record PublicCollectionView(String publicId, String name, @Nullable String description,
                                   List<PublicBadgeView> badges) {
    public PublicCollectionView {
        badges = List.copyOf(badges);
    }
}
