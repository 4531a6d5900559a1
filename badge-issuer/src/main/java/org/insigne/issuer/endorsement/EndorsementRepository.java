package org.insigne.issuer.endorsement;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EndorsementRepository extends JpaRepository<Endorsement, UUID> {

    List<Endorsement> findByEndorserIdOrderByCreatedAtDesc(UUID endorserId);

    List<Endorsement> findByEndorsedOrganisationIdOrderByCreatedAtDesc(UUID endorsedOrganisationId);

    List<Endorsement> findByEndorserIdAndEndorsedKindAndEndorsedIdAndStatusIn(UUID endorserId, EndorsedKind kind,
                                                                              UUID endorsedId,
                                                                              List<EndorsementStatus> statuses);

    List<Endorsement> findByEndorsedKindAndEndorsedIdAndStatusOrderByDecidedAtAscIdAsc(EndorsedKind kind,
                                                                                       UUID endorsedId,
                                                                                       EndorsementStatus status);
}
