package org.insigne.issuer.openrecognition;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PersonBadgeRepository extends JpaRepository<PersonBadge, UUID> {

    List<PersonBadge> findByIssuerUserIdOrderByCreatedAtDesc(UUID issuerUserId);

    /** Peer badges from this awarder to this address with this name that still stand. */
    @Query("""
            select count(b) > 0 from PersonBadge b where b.issuerUserId = ?1 and lower(b.recipientEmail) = lower(?2)
            and lower(b.name) = lower(?3) and b.kind = org.insigne.issuer.openrecognition.PersonBadgeKind.PEER
            and b.revokedAt is null""")
    boolean standing(UUID issuerUserId, String recipientEmail, String name);
}
