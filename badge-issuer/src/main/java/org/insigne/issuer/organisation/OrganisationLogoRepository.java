package org.insigne.issuer.organisation;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationLogoRepository extends JpaRepository<OrganisationLogo, UUID> {
}
