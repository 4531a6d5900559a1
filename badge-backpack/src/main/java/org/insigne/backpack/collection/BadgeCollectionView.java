package org.insigne.backpack.collection;

import java.time.Instant;
import java.util.List;

import org.insigne.backpack.badge.StoredBadgeView;
import org.jspecify.annotations.Nullable;

/** A collection as its owner sees it, with its badges in order. */
public record BadgeCollectionView(CollectionId id, String publicId, String name, @Nullable String description,
                                  boolean shared, Instant createdAt, List<StoredBadgeView> badges) {
    public BadgeCollectionView {
        badges = List.copyOf(badges);
    }
}
