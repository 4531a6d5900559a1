package org.insigne.issuer.network;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface NetworkMembershipRepository extends JpaRepository<NetworkMembership, UUID> {

    boolean existsByNetworkIdAndOrganisationIdAndStatusIn(UUID networkId, UUID organisationId,
                                                         Collection<MembershipStatus> statuses);

    List<NetworkMembership> findByNetworkIdAndStatusInOrderByInvitedAtAsc(UUID networkId,
                                                                        Collection<MembershipStatus> statuses);

    List<NetworkMembership> findByOrganisationIdAndStatusInOrderByInvitedAtAsc(UUID organisationId,
                                                                             Collection<MembershipStatus> statuses);

    Optional<NetworkMembership> findByIdAndOrganisationId(UUID id, UUID organisationId);

    Optional<NetworkMembership> findByIdAndNetworkId(UUID id, UUID networkId);
}
