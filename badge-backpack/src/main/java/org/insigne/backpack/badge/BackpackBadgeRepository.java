package org.insigne.backpack.badge;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BackpackBadgeRepository extends JpaRepository<BackpackBadge, UUID> {

    List<BackpackBadge> findByOwnerIdOrderByImportedAtDesc(UUID ownerId);

    Optional<BackpackBadge> findByIdAndOwnerId(UUID id, UUID ownerId);

    Optional<BackpackBadge> findByPublicIdAndSharedTrue(String publicId);

    /** The public badges whose public id starts with {@code shortLink}, through its index (left(public_id, 16)). */
    @Query(value = "select public_id from backpack_badge where left(public_id, 16) = :shortLink and shared",
            nativeQuery = true)
    List<String> findSharedPublicIdsByShortLink(@Param("shortLink") String shortLink);

    boolean existsByOwnerIdAndFingerprint(UUID ownerId, String fingerprint);

    long countByOwnerId(UUID ownerId);

    List<BackpackBadge> findByOwnerIdAndIdIn(UUID ownerId, Collection<UUID> ids);

    List<BackpackBadge> findByOwnerId(UUID ownerId);

    Optional<BackpackBadge> findByOwnerIdAndFingerprint(UUID ownerId, String fingerprint);

    List<BackpackBadge> findByLastCheckedAtBeforeOrderByLastCheckedAtAsc(Instant checkedBefore, Pageable page);

    List<BackpackBadge> findByOwnerIdAndSharedTrueOrderByImportedAtDesc(UUID ownerId);
}
