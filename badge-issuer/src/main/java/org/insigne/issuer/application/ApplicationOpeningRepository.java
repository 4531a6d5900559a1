package org.insigne.issuer.application;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationOpeningRepository extends JpaRepository<ApplicationOpening, UUID> {
}
