package org.insigne.backpack.sharing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnonymousCvRepository extends JpaRepository<AnonymousCv, UUID> {

    List<AnonymousCv> findByOwnerIdOrderByCreatedAt(UUID ownerId);

    Optional<AnonymousCv> findByIdAndOwnerId(UUID id, UUID ownerId);

    Optional<AnonymousCv> findByPublicId(String publicId);
}
