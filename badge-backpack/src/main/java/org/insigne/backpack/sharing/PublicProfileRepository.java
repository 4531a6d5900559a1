package org.insigne.backpack.sharing;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PublicProfileRepository extends JpaRepository<PublicProfile, UUID> {

    Optional<PublicProfile> findByPublicId(String publicId);
}
