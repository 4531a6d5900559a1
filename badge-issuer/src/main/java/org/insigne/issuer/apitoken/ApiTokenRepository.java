package org.insigne.issuer.apitoken;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    Optional<ApiToken> findByIdAndOrganisationId(UUID id, UUID organisationId);

    List<ApiToken> findByOrganisationIdOrderByCreatedAtDesc(UUID organisationId);
}
