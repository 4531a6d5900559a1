package org.insigne.issuer.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<Membership, UUID> {

    List<Membership> findByUserId(UUID userId);

    Optional<Membership> findByOrganisationIdAndUserId(UUID organisationId, UUID userId);

    List<Membership> findByOrganisationIdOrderByCreatedAtAsc(UUID organisationId);

    long countByOrganisationIdAndRole(UUID organisationId, StaffRole role);
}
