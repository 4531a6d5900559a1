package org.insigne.issuer.application;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceFileRepository extends JpaRepository<EvidenceFile, UUID> {
}
