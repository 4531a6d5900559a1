package org.insigne.backpack.collection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeId;
import org.insigne.backpack.badge.BadgeNotFound;
import org.insigne.backpack.badge.PublicBadgeView;
import org.insigne.backpack.badge.StoredBadgeView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earners' collections of badges. Every method taking an owner answers {@link CollectionNotFound} for a
 * collection that is not theirs, exactly as for one that does not exist, and refuses badges that are not theirs.
 */
@Service
@Transactional(readOnly = true)
public class BadgeCollectionService {

    private static final Logger log = LoggerFactory.getLogger(BadgeCollectionService.class);

    private final BadgeCollectionRepository collections;
    private final BackpackService badges;
    private final Clock clock;

    BadgeCollectionService(BadgeCollectionRepository collections, BackpackService badges, Clock clock) {
        this.collections = collections;
        this.badges = badges;
        this.clock = clock;
    }

    public List<BadgeCollectionView> collectionsOf(UUID ownerId) {
        return collections.findByOwnerIdOrderByCreatedAt(ownerId).stream().map(this::view).toList();
    }

    public BadgeCollectionView collection(UUID ownerId, CollectionId id) {
        return view(owned(ownerId, id));
    }

    @Transactional
    public BadgeCollectionView create(UUID ownerId, String name, @Nullable String description, List<BadgeId> badgeIds) {
        requireOwned(ownerId, badgeIds);
        BadgeCollection saved = collections.save(new BadgeCollection(ownerId, name, description, values(badgeIds),
                clock.instant()));
        log.info("Collection {} created by user {}", saved.id(), ownerId);
        return view(saved);
    }

    @Transactional
    public BadgeCollectionView update(UUID ownerId, CollectionId id, String name, @Nullable String description,
                                      List<BadgeId> badgeIds) {
        BadgeCollection collection = owned(ownerId, id);
        requireOwned(ownerId, badgeIds);
        collection.describe(name, description);
        // Keep the order the owner already chose for badges that stay; new ones go last.
        List<UUID> wanted = values(badgeIds);
        List<UUID> ordered = new ArrayList<>(collection.badgeIds().stream().filter(wanted::contains).toList());
        wanted.stream().filter(b -> !ordered.contains(b)).forEach(ordered::add);
        collection.holdOnly(ordered);
        return view(collection);
    }

    /** Moves a badge one place up ({@code step} 1) or down ({@code step} -1). */
    @Transactional
    public BadgeCollectionView move(UUID ownerId, CollectionId id, BadgeId badge, int step) {
        BadgeCollection collection = owned(ownerId, id);
        collection.move(badge.value(), Integer.signum(step));
        return view(collection);
    }

    @Transactional
    public BadgeCollectionView makePublic(UUID ownerId, CollectionId id) {
        BadgeCollection collection = owned(ownerId, id);
        collection.share();
        log.info("Collection {} made public by its owner", id.value());
        return view(collection);
    }

    @Transactional
    public BadgeCollectionView makePrivate(UUID ownerId, CollectionId id) {
        BadgeCollection collection = owned(ownerId, id);
        collection.unshare();
        log.info("Collection {} made private by its owner", id.value());
        return view(collection);
    }

    @Transactional
    public void delete(UUID ownerId, CollectionId id) {
        collections.delete(owned(ownerId, id));
        log.info("Collection {} deleted by its owner", id.value());
    }

    /** Erases every collection of the owner's, when they delete their account. */
    @Transactional
    public void deleteAllOf(UUID ownerId) {
        collections.deleteAll(collections.findByOwnerIdOrderByCreatedAt(ownerId));
    }

    /** A shared collection as anyone sees it: its badges that are public themselves, in the owner's order. */
    public PublicCollectionView publicCollection(String publicId) {
        BadgeCollection collection = collections.findByPublicIdAndSharedTrue(publicId)
                .orElseThrow(CollectionNotFound::new);
        List<PublicBadgeView> shown = badgesOf(collection).stream().filter(StoredBadgeView::shared)
                .map(PublicBadgeView::of).toList();
        return new PublicCollectionView(collection.publicId(), collection.name(), collection.description(), shown);
    }

    /** The owner's shared collections, each with only its public badges, for their public profile. */
    public List<PublicCollectionView> publicCollectionsOf(UUID ownerId) {
        return collections.findByOwnerIdAndSharedTrueOrderByCreatedAt(ownerId).stream()
                .map(c -> new PublicCollectionView(c.publicId(), c.name(), c.description(), badgesOf(c).stream()
                        .filter(StoredBadgeView::shared).map(PublicBadgeView::of).toList()))
                .toList();
    }

    private BadgeCollectionView view(BadgeCollection collection) {
        return new BadgeCollectionView(new CollectionId(collection.id()), collection.publicId(), collection.name(),
                collection.description(), collection.isShared(), collection.createdAt(), badgesOf(collection));
    }

    private List<StoredBadgeView> badgesOf(BadgeCollection collection) {
        return badges.badgesOf(collection.ownerId(), collection.badgeIds().stream().map(BadgeId::new).toList());
    }

    private void requireOwned(UUID ownerId, List<BadgeId> badgeIds) {
        if (!badges.ownsAll(ownerId, badgeIds)) {
            throw new BadgeNotFound();
        }
    }

    private BadgeCollection owned(UUID ownerId, CollectionId id) {
        return collections.findByIdAndOwnerId(id.value(), ownerId).orElseThrow(CollectionNotFound::new);
    }

    private static List<UUID> values(List<BadgeId> ids) {
        return ids.stream().map(BadgeId::value).distinct().toList();
    }
}
