package org.insigne.issuer.endorsement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EndorsementRepository extends JpaRepository<Endorsement, UUID> {

    List<Endorsement> findByEndorserIdOrderByCreatedAtDesc(UUID endorserId);

    List<Endorsement> findByEndorsedOrganisationIdOrderByCreatedAtDesc(UUID endorsedOrganisationId);

    List<Endorsement> findByEndorserIdAndEndorsedKindAndEndorsedIdAndStatusIn(UUID endorserId, EndorsedKind kind,
                                                                              UUID endorsedId,
                                                                              List<EndorsementStatus> statuses);

    List<Endorsement> findByEndorsedKindAndEndorsedIdAndStatusOrderByDecidedAtAscIdAsc(EndorsedKind kind,
                                                                                       UUID endorsedId,
                                                                                       EndorsementStatus status);

    Optional<Endorsement> findByLinkHash(String linkHash);

    List<Endorsement> findByRequestedByAndEndorsedKindOrderByCreatedAtDesc(UUID requestedBy, EndorsedKind kind);

    List<Endorsement> findByEndorsedKindAndEndorsedIdAndInviteeEmailAndStatusIn(EndorsedKind kind, UUID endorsedId,
                                                                                String inviteeEmail,
                                                                                List<EndorsementStatus> statuses);

    /** Requests still waiting whose reminder is due: before {@code before}, not yet expired, not yet reminded. */
    @Query("""
            select e.id from Endorsement e
            where e.status = org.insigne.issuer.endorsement.EndorsementStatus.REQUESTED and e.linkHash is not null
            and e.remindedAt is null and e.expiresAt > :now and e.expiresAt <= :before""")
    List<UUID> dueReminders(Instant now, Instant before);

    /** Takes the reminder of one request for this node: false when another node took it first. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Endorsement e set e.remindedAt = :now, e.linkHash = :linkHash, e.version = e.version + 1
            where e.id = :id and e.remindedAt is null
            and e.status = org.insigne.issuer.endorsement.EndorsementStatus.REQUESTED""")
    int claimReminder(UUID id, String linkHash, Instant now);
}
