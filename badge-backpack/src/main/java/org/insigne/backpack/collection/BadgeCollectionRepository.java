package org.insigne.backpack.collection;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BadgeCollectionRepository extends JpaRepository<BadgeCollection, UUID> {

    List<BadgeCollection> findByOwnerIdOrderByCreatedAt(UUID ownerId);

    Optional<BadgeCollection> findByIdAndOwnerId(UUID id, UUID ownerId);

    Optional<BadgeCollection> findByPublicIdAndSharedTrue(String publicId);

    List<BadgeCollection> findByOwnerIdAndSharedTrueOrderByCreatedAt(UUID ownerId);
}
