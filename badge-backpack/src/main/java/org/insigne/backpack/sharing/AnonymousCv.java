package org.insigne.backpack.sharing;

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

/**
 * A public page of chosen badges that names neither the earner nor their address, for applications where the
 * reader must judge skills before knowing who holds them. The label is the owner's own note, never shown publicly.
 */
@Entity
@Table(name = "anonymous_cv")
class AnonymousCv {

    @Id
    private UUID id;

    private UUID ownerId;

    private String publicId;

    private String label;

    private @Nullable Instant revokedAt;

    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "anonymous_cv_item", joinColumns = @JoinColumn(name = "cv_id"))
    @OrderColumn(name = "position")
    @Column(name = "badge_id")
    private List<UUID> badgeIds = new ArrayList<>();

    @Version
    private long version;

    protected AnonymousCv() {
        // for JPA
    }

    AnonymousCv(UUID ownerId, String label, List<UUID> badgeIds, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.publicId = PublicIds.next();
        this.label = label.strip();
        this.createdAt = now;
        badgeIds.stream().distinct().forEach(this.badgeIds::add);
    }

    /** Withdraws the page for good; withdrawing it again changes nothing, the first date stays. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    boolean isRevoked() {
        return revokedAt != null;
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

    String label() {
        return label;
    }

    Instant createdAt() {
        return createdAt;
    }

    List<UUID> badgeIds() {
        return List.copyOf(badgeIds);
    }
}
