package org.insigne.issuer.award;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AwardRepository extends JpaRepository<Award, UUID> {

    Optional<Award> findByFormToken(UUID formToken);

    Optional<Award> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<Award> findByOrganisationIdAndBadgeClassIdOrderByCreatedAtDesc(UUID organisationId, UUID badgeClassId);

    List<Award> findByOrganisationIdAndRevokedAtIsNotNullOrderByRevokedAtAsc(UUID organisationId);

    List<Award> findByRecipientEmailOrderByCreatedAtAsc(String recipientEmail);
}
