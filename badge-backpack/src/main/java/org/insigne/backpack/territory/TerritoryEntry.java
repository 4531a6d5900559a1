package org.insigne.backpack.territory;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * An earner's presence on the learning-territory map, which exists only while they consent: withdrawing deletes
 * it. It holds the pseudonym they chose, a coarse {@link Place} and the badges they chose; the public id (256
 * random bits) is the only way pages name it.
 */
@Entity
@Table(name = "territory_entry")
class TerritoryEntry {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;

    private UUID ownerId;

    private String publicId;

    private String pseudonym;

    private @Nullable String placeName;

    private @Nullable BigDecimal latitude;

    private @Nullable BigDecimal longitude;

    private Instant consentedAt;

    private Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "territory_badge", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "position")
    private List<ShownBadge> badges = new ArrayList<>();

    @Version
    private long version;

    protected TerritoryEntry() {
        // for JPA
    }

    TerritoryEntry(UUID ownerId, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.publicId = randomPublicId();
        this.consentedAt = now;
    }

    /** Replaces what the map shows; the consent date stays that of the first opt-in. */
    void show(String pseudonym, Place place, List<ShownBadge> shown, Instant now) {
        this.pseudonym = pseudonym;
        this.placeName = place.name();
        this.latitude = place.latitude();
        this.longitude = place.longitude();
        this.badges.clear();
        this.badges.addAll(shown);
        this.updatedAt = now;
    }

    UUID ownerId() {
        return ownerId;
    }

    String publicId() {
        return publicId;
    }

    String pseudonym() {
        return pseudonym;
    }

    Place place() {
        return new Place(placeName, latitude, longitude);
    }

    Instant consentedAt() {
        return consentedAt;
    }

    List<UUID> badgeIds() {
        return badges.stream().map(ShownBadge::badgeId).toList();
    }

    private static String randomPublicId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
