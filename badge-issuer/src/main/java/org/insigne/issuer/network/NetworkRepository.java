package org.insigne.issuer.network;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface NetworkRepository extends JpaRepository<Network, UUID> {

    List<Network> findByIdInOrderByNameAsc(Collection<UUID> ids);

    List<Network> findAllByOrderByNameAsc();
}
