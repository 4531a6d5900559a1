package org.insigne.issuer.cobuild;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

interface CoBuildRepository extends JpaRepository<CoBuild, UUID> {

    List<CoBuild> findByOrganisationIdOrderByUpdatedAtDesc(UUID organisationId);

    Optional<CoBuild> findByIdAndOrganisationId(UUID id, UUID organisationId);

    Optional<CoBuild> findByLinkHash(String linkHash);

    /** The row locked, so that a consent and an award, or two awards, are decided one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CoBuild c where c.id = ?1 and c.organisationId = ?2")
    Optional<CoBuild> lockByIdAndOrganisationId(UUID id, UUID organisationId);
}
