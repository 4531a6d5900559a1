package org.insigne.issuer.organisation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

    List<Organisation> findByIdInOrderByNameAsc(Collection<UUID> ids);
}
