package org.insigne.issuer.key;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SigningKeyRepository extends JpaRepository<SigningKey, UUID> {

    List<SigningKey> findByOrganisationIdOrderByCreatedAtAsc(UUID organisationId);

    List<SigningKey> findByOrganisationIdAndRetiredAtIsNullOrderByCreatedAtDesc(UUID organisationId);
}
