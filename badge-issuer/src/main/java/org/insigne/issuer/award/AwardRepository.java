package org.insigne.issuer.award;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AwardRepository extends JpaRepository<Award, UUID> {

    Optional<Award> findByFormToken(UUID formToken);

    Optional<Award> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<Award> findByOrganisationIdAndBadgeClassIdOrderByCreatedAtDesc(UUID organisationId, UUID badgeClassId);

    List<Award> findByOrganisationIdAndRevokedAtIsNotNullOrderByRevokedAtAsc(UUID organisationId);

    List<Award> findByRecipientEmailOrderByCreatedAtAsc(String recipientEmail);
    /**
     * The public page's one query: award, badge class and issuer by primary keys, without the signed documents'
     * bytes. Draft badge classes are never public (an award cannot be made from one anyway).
     */
    @Query("""
            select new org.insigne.issuer.award.PublicAwardRow(a.id, a.badgeClassId, b.name, b.description,
                b.criteriaMarkdown, a.level, a.evidenceUrl, a.evidenceNarrative, a.organisationId, o.name,
                o.websiteUrl, a.issuedOn, a.expiresAt, a.revokedAt, a.revocationReason,
                (select i.mediaType from BadgeClassImage i where i.badgeClassId = a.badgeClassId))
            from Award a, BadgeClass b, Organisation o
            where a.id = :id and b.id = a.badgeClassId and o.id = a.organisationId
              and b.status <> org.insigne.issuer.badgeclass.BadgeClassStatus.DRAFT
            """)
    Optional<PublicAwardRow> findPublic(@Param("id") UUID id);

    /** Only the OB 2.0 assertion as issued, for checking an address against its hashed recipient. */
    @Query("select a.ob2Assertion from Award a where a.id = :id")
    Optional<byte[]> findOb2Assertion(@Param("id") UUID id);
}
