package org.insigne.issuer.network;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface NetworkCoordinatorRepository extends JpaRepository<NetworkCoordinator, UUID> {

    boolean existsByNetworkIdAndUserId(UUID networkId, UUID userId);

    List<NetworkCoordinator> findByUserId(UUID userId);

    List<NetworkCoordinator> findByNetworkIdOrderByAddedAtAsc(UUID networkId);
}
