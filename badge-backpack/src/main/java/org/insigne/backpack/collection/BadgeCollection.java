package org.insigne.backpack.collection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.backpack.PublicIds;
import org.jspecify.annotations.Nullable;

/** A named, ordered selection of an earner's own badges, private until the owner shares it. */
@Entity
@Table(name = "badge_collection")
class BadgeCollection {

    @Id
    private UUID id;

    private UUID ownerId;

    private String publicId;

    private String name;

    private @Nullable String description;

    private boolean shared;

    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "badge_collection_item", joinColumns = @JoinColumn(name = "collection_id"))
    @OrderColumn(name = "position")
    @Column(name = "badge_id")
    private List<UUID> badgeIds = new ArrayList<>();

    @Version
    private long version;

    protected BadgeCollection() {
        // for JPA
    }

    BadgeCollection(UUID ownerId, String name, @Nullable String description, List<UUID> badgeIds, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.publicId = PublicIds.next();
        this.createdAt = now;
        describe(name, description);
        holdOnly(badgeIds);
    }

    void describe(String name, @Nullable String description) {
        this.name = name.strip();
        this.description = description == null || description.isBlank() ? null : description.strip();
    }

    /** The badges, in this order; the caller made sure they are the owner's. */
    void holdOnly(List<UUID> badges) {
        badgeIds.clear();
        badges.stream().distinct().forEach(badgeIds::add);
    }

    /** Moves a badge one place earlier (or later for a negative step); a badge at either end stays. */
    void move(UUID badge, int step) {
        int from = badgeIds.indexOf(badge);
        int to = from - step;
        if (from < 0 || to < 0 || to >= badgeIds.size()) {
            return;
        }
        badgeIds.set(from, badgeIds.get(to));
        badgeIds.set(to, badge);
    }

    void share() {
        this.shared = true;
    }

    void unshare() {
        this.shared = false;
    }

    boolean isShared() {
        return shared;
    }

    UUID id() {
        return id;
    }

    UUID ownerId() {
        return ownerId;
    }

    String publicId() {
        return publicId;
    }

    String name() {
        return name;
    }

    @Nullable String description() {
        return description;
    }

    Instant createdAt() {
        return createdAt;
    }

    List<UUID> badgeIds() {
        return List.copyOf(badgeIds);
    }
}
