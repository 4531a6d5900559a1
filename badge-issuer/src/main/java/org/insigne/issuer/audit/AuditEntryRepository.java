package org.insigne.issuer.audit;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntry, UUID> {

    Page<AuditEntry> findByOrganisationId(UUID organisationId, Pageable page);

    Page<AuditEntry> findByOrganisationIdAndAction(UUID organisationId, AuditAction action, Pageable page);
}
