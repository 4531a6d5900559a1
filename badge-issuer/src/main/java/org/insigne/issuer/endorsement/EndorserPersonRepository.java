package org.insigne.issuer.endorsement;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EndorserPersonRepository extends JpaRepository<EndorserPerson, UUID> {

    Optional<EndorserPerson> findByUserId(UUID userId);

    Optional<EndorserPerson> findByPageHash(String pageHash);
}
