package org.insigne.backpack.territory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TerritoryEntryRepository extends JpaRepository<TerritoryEntry, UUID> {

    Optional<TerritoryEntry> findByOwnerId(UUID ownerId);

    Optional<TerritoryEntry> findByPublicId(String publicId);
}
