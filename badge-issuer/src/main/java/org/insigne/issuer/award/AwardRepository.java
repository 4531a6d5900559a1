package org.insigne.issuer.award;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AwardRepository extends JpaRepository<Award, UUID>, JpaSpecificationExecutor<Award> {

    Optional<Award> findByFormToken(UUID formToken);

    Optional<Award> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<Award> findByOrganisationIdAndBadgeClassIdOrderByCreatedAtDesc(UUID organisationId, UUID badgeClassId);

    List<Award> findByOrganisationIdAndRevokedAtIsNotNullOrderByRevokedAtAsc(UUID organisationId);

    List<Award> findByRecipientEmailOrderByCreatedAtAsc(String recipientEmail);

    /** Only the OB 2.0 assertion as issued, for checking an address against its hashed recipient. */
    @Query("select a.ob2Assertion from Award a where a.id = :id")
    Optional<byte[]> findOb2Assertion(@Param("id") UUID id);
}
