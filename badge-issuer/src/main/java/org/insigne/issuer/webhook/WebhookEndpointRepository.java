package org.insigne.issuer.webhook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, UUID> {

    Optional<WebhookEndpoint> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<WebhookEndpoint> findByOrganisationIdOrderByCreatedAtAsc(UUID organisationId);

    long countByOrganisationId(UUID organisationId);
}
