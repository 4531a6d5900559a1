package org.insigne.issuer.award;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of an organisation's awards per badge class, in one grouped query. No role check: callers (the
 * dashboard) check that the reader is on the staff.
 */
@Service
@Transactional(readOnly = true)
public class AwardStatistics {

    @PersistenceContext
    private EntityManager entityManager;

    /** Counts per badge class that has at least one award; classes never awarded are absent. */
    public Map<BadgeClassId, AwardCounts> countsByBadgeClass(OrganisationId organisation) {
        List<Object[]> rows = entityManager.createQuery("""
                        select a.badgeClassId, count(a), count(a.claimedAt), count(a.revokedAt)
                        from Award a where a.organisationId = :organisation group by a.badgeClassId""", Object[].class)
                .setParameter("organisation", organisation.value())
                .getResultList();
        Map<BadgeClassId, AwardCounts> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put(new BadgeClassId((UUID) row[0]),
                    new AwardCounts(((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                            ((Number) row[3]).longValue()));
        }
        return counts;
    }

    /** The organisation's awards, not revoked, that expire after {@code from} and before {@code until}. */
    public long expiring(OrganisationId organisation, Instant from, Instant until) {
        return entityManager.createQuery("""
                        select count(a) from Award a where a.organisationId = :organisation and a.revokedAt is null
                        and a.expiresAt > :from and a.expiresAt < :until""", Long.class)
                .setParameter("organisation", organisation.value())
                .setParameter("from", from)
                .setParameter("until", until)
                .getSingleResult();
    }
}
