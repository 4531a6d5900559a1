package org.insigne.backpack.sharing;

import java.util.List;

import org.insigne.backpack.badge.PublicBadgeView;
import org.insigne.backpack.collection.PublicCollectionView;

/** A public profile as anyone sees it: the chosen name, the public badges, the public collections. */
public record PublicProfileView(String publicId, String displayName, List<PublicBadgeView> badges,
                                List<PublicCollectionView> collections) {
    public PublicProfileView {
        badges = List.copyOf(badges);
        collections = List.copyOf(collections);
    }
}
