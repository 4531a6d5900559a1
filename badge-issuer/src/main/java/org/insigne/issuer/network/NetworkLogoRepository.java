package org.insigne.issuer.network;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface NetworkLogoRepository extends JpaRepository<NetworkLogo, UUID> {
}
