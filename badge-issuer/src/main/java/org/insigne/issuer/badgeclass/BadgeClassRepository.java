package org.insigne.issuer.badgeclass;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BadgeClassRepository extends JpaRepository<BadgeClass, UUID> {

    List<BadgeClass> findByOrganisationIdOrderByNameAsc(UUID organisationId);

    Optional<BadgeClass> findByIdAndOrganisationId(UUID id, UUID organisationId);
}
