package org.insigne.issuer.claimcode;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ClaimCodeRepository extends JpaRepository<ClaimCode, UUID> {

    Optional<ClaimCode> findByCode(String code);

    /** The row locked until the transaction ends: two people using the last use take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ClaimCode c where c.code = ?1")
    Optional<ClaimCode> findByCodeForUpdate(String code);

    List<ClaimCode> findByBadgeClassIdOrderByCreatedAtDesc(UUID badgeClassId);

    boolean existsByCode(String code);
}
