package org.insigne.issuer.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BadgeApplicationRepository extends JpaRepository<BadgeApplication, UUID> {

    /** The row locked until the transaction ends: two reviewers deciding at once take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from BadgeApplication a where a.id = ?1")
    Optional<BadgeApplication> findForUpdate(UUID id);

    List<BadgeApplication> findByApplicantIdOrderByCreatedAtDesc(UUID applicantId);

    @Query("select count(a) > 0 from BadgeApplication a where a.badgeClassId = ?1 and a.applicantId = ?2"
            + " and a.state in (org.insigne.issuer.application.ApplicationState.SUBMITTED,"
            + " org.insigne.issuer.application.ApplicationState.CHANGES_REQUESTED)")
    boolean hasOpen(UUID badgeClassId, UUID applicantId);

    long countByBadgeClassId(UUID badgeClassId);

    @Query("select a from BadgeApplication a join a.evidence e where e.id = ?1")
    Optional<BadgeApplication> findByEvidence(UUID evidenceId);
}
