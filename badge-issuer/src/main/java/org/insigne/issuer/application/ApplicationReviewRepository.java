package org.insigne.issuer.application;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApplicationReviewRepository extends JpaRepository<ApplicationReview, UUID> {

    List<ApplicationReview> findByApplicationIdOrderByAt(UUID applicationId);

    @Query("select r.reviewerId from ApplicationReview r where r.applicationId = ?1 and r.revision = ?2"
            + " and r.decision = org.insigne.issuer.application.ReviewDecision.APPROVED")
    List<UUID> approvers(UUID applicationId, int revision);
}
