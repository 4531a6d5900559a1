package org.insigne.backpack.badge;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface BackpackBadgeRepository extends JpaRepository<BackpackBadge, UUID> {

    List<BackpackBadge> findByOwnerIdOrderByImportedAtDesc(UUID ownerId);

    Optional<BackpackBadge> findByIdAndOwnerId(UUID id, UUID ownerId);

    Optional<BackpackBadge> findByPublicIdAndSharedTrue(String publicId);

    boolean existsByOwnerIdAndFingerprint(UUID ownerId, String fingerprint);

    long countByOwnerId(UUID ownerId);

    List<BackpackBadge> findByOwnerIdAndIdIn(UUID ownerId, Collection<UUID> ids);

    List<BackpackBadge> findByOwnerId(UUID ownerId);

    Optional<BackpackBadge> findByOwnerIdAndFingerprint(UUID ownerId, String fingerprint);

    List<BackpackBadge> findByLastCheckedAtBeforeOrderByLastCheckedAtAsc(Instant checkedBefore, Pageable page);

    List<BackpackBadge> findByOwnerIdAndSharedTrueOrderByImportedAtDesc(UUID ownerId);
}
