package org.insigne.issuer.network;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.publishing.HostedUrls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Networks of issuers: their profiles, who coordinates them and which organisations belong. Coordinators are named
 * one by one; an organisation's owners and administrators answer its invitations and may leave.
 */
@Service
@Transactional(readOnly = true)
public class NetworkService {

    private static final Logger log = LoggerFactory.getLogger(NetworkService.class);
    private static final Set<MembershipStatus> OPEN = EnumSet.of(MembershipStatus.INVITED, MembershipStatus.MEMBER);
    private static final Set<MembershipStatus> MEMBER = EnumSet.of(MembershipStatus.MEMBER);

    private final NetworkRepository networks;
    private final NetworkLogoRepository logos;
    private final NetworkCoordinatorRepository coordinators;
    private final NetworkMembershipRepository memberships;
    private final OrganisationService organisations;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NetworkService(NetworkRepository networks, NetworkLogoRepository logos, NetworkCoordinatorRepository coordinators,
                   NetworkMembershipRepository memberships, OrganisationService organisations, JdbcTemplate jdbc,
                   ApplicationEventPublisher events, Clock clock) {
        this.networks = networks;
        this.logos = logos;
        this.coordinators = coordinators;
        this.memberships = memberships;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a network whose first coordinator is {@code userId}; its documents live under {@code urls}, the
     * public base of the request that created it.
     */
    @Transactional
    public NetworkView create(UUID userId, OrganisationProfile profile, @Nullable StoredImage logo, HostedUrls urls) {
        Network network = networks.saveAndFlush(new Network(profile, urls.base(), clock.instant()));
        coordinators.save(new NetworkCoordinator(network.id(), userId, null, clock.instant()));
        if (logo != null) {
            logos.save(new NetworkLogo(network.id(), logo, clock.instant()));
        }
        log.info("Network {} created by user {}", network.id().value(), userId);
        events.publishEvent(new NetworkMembersChanged(network.id()));
        return view(network);
    }

    /** Replaces the profile, and the logo when a new one is given; coordinators only. */
    @Transactional
    public NetworkView describe(NetworkId id, UUID userId, OrganisationProfile profile, @Nullable StoredImage logo) {
        Network network = coordinated(id, userId);
        network.describe(profile);
        if (logo != null) {
            logos.findById(id.value()).ifPresentOrElse(existing -> existing.replace(logo, clock.instant()),
                    () -> logos.save(new NetworkLogo(id, logo, clock.instant())));
        }
        log.info("Network {} profile updated by user {}", id.value(), userId);
        return view(network);
    }

    /** The networks {@code userId} coordinates, by name. */
    public List<NetworkView> coordinatedBy(UUID userId) {
        List<UUID> ids = coordinators.findByUserId(userId).stream().map(c -> c.network().value()).toList();
        return networks.findByIdInOrderByNameAsc(ids).stream().map(this::view).toList();
    }

    /** The network as its coordinator sees it. */
    public NetworkView network(NetworkId id, UUID userId) {
        return view(coordinated(id, userId));
    }

    /** Every network, by name, for anyone. */
    public List<NetworkView> all() {
        return networks.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    /** The user ids of the network's coordinators, oldest first; coordinators only. */
    public List<UUID> coordinators(NetworkId id, UUID userId) {
        coordinated(id, userId);
        return coordinators.findByNetworkIdOrderByAddedAtAsc(id.value()).stream().map(NetworkCoordinator::userId)
                .toList();
    }

    /** Names another coordinator, who gets every right on the network. */
    @Transactional
    public void addCoordinator(NetworkId id, UUID userId, UUID newCoordinator) {
        coordinated(id, userId);
        if (coordinators.existsByNetworkIdAndUserId(id.value(), newCoordinator)) {
            throw NetworkRefused.coordinatorTwice();
        }
        coordinators.save(new NetworkCoordinator(id, newCoordinator, userId, clock.instant()));
        log.info("User {} made coordinator of network {} by user {}", newCoordinator, id.value(), userId);
    }

    /** Invites an organisation; its owners and administrators answer. */
    @Transactional
    public Invited invite(NetworkId id, UUID userId, OrganisationId organisation) {
        Network network = coordinated(id, userId);
        if (organisation.value().equals(id.value())) {
            throw NetworkRefused.self();
        }
        String name = organisations.publicProfile(organisation).map(p -> p.profile().name())
                .orElseThrow(NetworkRefused::organisationUnknown);
        if (memberships.existsByNetworkIdAndOrganisationIdAndStatusIn(id.value(), organisation.value(), OPEN)) {
            throw NetworkRefused.twice();
        }
        NetworkMembership invitation = memberships.saveAndFlush(
                new NetworkMembership(id, organisation, userId, clock.instant()));
        log.info("Organisation {} invited to network {} by user {}", organisation.value(), id.value(), userId);
        return new Invited(view(invitation, network.profile().name(), name), organisations.administrators(organisation));
    }

    /** The organisations invited to or members of the network; coordinators only. */
    public List<NetworkMemberView> members(NetworkId id, UUID userId) {
        Network network = coordinated(id, userId);
        return memberships.findByNetworkIdAndStatusInOrderByInvitedAtAsc(id.value(), OPEN).stream()
                .map(m -> view(m, network.profile().name(), organisationName(m.organisation()))).toList();
    }

    /** A coordinator removes a member, or withdraws an invitation not answered yet. */
    @Transactional
    public void remove(NetworkId id, UUID membership, UUID userId) {
        coordinated(id, userId);
        NetworkMembership found = memberships.findByIdAndNetworkId(membership, id.value())
                .orElseThrow(NetworkNotFound::new);
        boolean wasMember = found.status() == MembershipStatus.MEMBER;
        found.end(true, clock.instant());
        log.info("Organisation {} removed from network {} by user {}", found.organisation().value(), id.value(), userId);
        if (wasMember) {
            events.publishEvent(new NetworkMembersChanged(id));
        }
    }

    /** The networks the organisation is invited to or member of, for anyone on its staff. */
    public List<NetworkMemberView> networksOf(OrganisationId organisation, UUID userId) {
        String name = organisations.organisation(organisation, userId).name();
        return memberships.findByOrganisationIdAndStatusInOrderByInvitedAtAsc(organisation.value(), OPEN).stream()
                .map(m -> view(m, networkName(m.network()), name)).toList();
    }

    /** The organisation's owners or administrators accept or decline an invitation. */
    @Transactional
    public NetworkMemberView answer(OrganisationId organisation, UUID membership, UUID userId, boolean accept) {
        String name = organisations.requireRole(organisation, userId, StaffRole.ADMIN).name();
        NetworkMembership found = memberships.findByIdAndOrganisationId(membership, organisation.value())
                .orElseThrow(NetworkNotFound::new);
        found.answer(accept, userId, clock.instant());
        log.info("Organisation {} {} network {} (user {})", organisation.value(), accept ? "joined" : "declined",
                found.network().value(), userId);
        if (accept) {
            events.publishEvent(new NetworkMembersChanged(found.network()));
        }
        return view(found, networkName(found.network()), name);
    }

    /** The organisation's owners or administrators take it out of a network. */
    @Transactional
    public void leave(OrganisationId organisation, UUID membership, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        NetworkMembership found = memberships.findByIdAndOrganisationId(membership, organisation.value())
                .orElseThrow(NetworkNotFound::new);
        if (found.status() != MembershipStatus.MEMBER) {
            throw NetworkRefused.notMember();
        }
        found.end(false, clock.instant());
        log.info("Organisation {} left network {} (user {})", organisation.value(), found.network().value(), userId);
        events.publishEvent(new NetworkMembersChanged(found.network()));
    }

    /** The network's public page: its profile and members, each with its count of badges in force. */
    public Optional<PublicNetwork> publicNetwork(NetworkId id) {
        return networks.findById(id.value()).map(network -> {
            Map<UUID, Long> counts = new HashMap<>();
            jdbc.query("""
                    select m.organisation_id, count(a.id) from network_membership m
                    left join award a on a.organisation_id = m.organisation_id and a.revoked_at is null
                    where m.network_id = ? and m.status = 'MEMBER' group by m.organisation_id""",
                    rs -> { counts.put(rs.getObject(1, UUID.class), rs.getLong(2)); }, id.value());
            List<PublicNetwork.Member> members = memberIds(id).stream()
                    .map(o -> new PublicNetwork.Member(o, organisationName(o), counts.getOrDefault(o.value(), 0L)))
                    .sorted(java.util.Comparator.comparing(PublicNetwork.Member::name, String.CASE_INSENSITIVE_ORDER))
                    .toList();
            return new PublicNetwork(view(network), members);
        });
    }

    /** The organisations that are members now, in the order they were invited. */
    public List<OrganisationId> memberIds(NetworkId id) {
        return memberships.findByNetworkIdAndStatusInOrderByInvitedAtAsc(id.value(), MEMBER).stream()
                .map(NetworkMembership::organisation).toList();
    }

    /** The logo, for anyone: it is the network's issuer image. */
    public Optional<StoredImage> logo(NetworkId id) {
        return logos.findById(id.value()).map(NetworkLogo::image);
    }

    private Network coordinated(NetworkId id, UUID userId) {
        Network network = networks.findById(id.value()).orElseThrow(NetworkNotFound::new);
        if (!coordinators.existsByNetworkIdAndUserId(id.value(), userId)) {
            throw NetworkRefused.notCoordinator();
        }
        return network;
    }

    private NetworkView view(Network network) {
        return new NetworkView(network.id(), network.profile(), logos.existsById(network.id().value()));
    }

    private NetworkMemberView view(NetworkMembership m, String networkName, String organisationName) {
        return new NetworkMemberView(m.id(), m.network(), networkName, m.organisation(), organisationName, m.status(),
                m.invitedAt());
    }

    private String networkName(NetworkId id) {
        return networks.findById(id.value()).map(n -> n.profile().name()).orElse("");
    }

    private String organisationName(OrganisationId id) {
        return organisations.publicProfile(id).map(p -> p.profile().name()).orElse("");
    }
}
