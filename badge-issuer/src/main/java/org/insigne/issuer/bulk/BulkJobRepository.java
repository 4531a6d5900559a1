package org.insigne.issuer.bulk;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BulkJobRepository extends JpaRepository<BulkJob, UUID> {

    Optional<BulkJob> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<BulkJob> findByStatus(BulkJobStatus status);
}
