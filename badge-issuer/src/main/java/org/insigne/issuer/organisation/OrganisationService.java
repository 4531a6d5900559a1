package org.insigne.issuer.organisation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates organisations and answers who belongs to which, with what role. */
@Service
@Transactional(readOnly = true)
public class OrganisationService {

    public static final int MAX_NAME_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(OrganisationService.class);

    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, MembershipRepository memberships, Clock clock) {
        this.organisations = organisations;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** Creates an organisation whose first member, its owner, is {@code userId}. */
    @Transactional
    public OrganisationView create(UUID userId, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidOrganisationName(MAX_NAME_LENGTH);
        }
        Organisation organisation = organisations.save(new Organisation(trimmed, clock.instant()));
        memberships.save(new Membership(organisation.id(), userId, StaffRole.OWNER, clock.instant()));
        log.info("Organisation {} created by user {}", organisation.id().value(), userId);
        return new OrganisationView(organisation.id(), organisation.name(), StaffRole.OWNER, organisation.createdAt());
    }

    /** The organisations {@code userId} belongs to, by name. */
    public List<OrganisationView> organisationsOf(UUID userId) {
        Map<UUID, StaffRole> roles = memberships.findByUserId(userId).stream()
                .collect(Collectors.toMap(m -> m.organisationId().value(), Membership::role));
        return organisations.findByIdInOrderByNameAsc(roles.keySet()).stream()
                .map(o -> new OrganisationView(o.id(), o.name(), roles.get(o.id().value()), o.createdAt()))
                .toList();
    }

    /** The organisation as {@code userId} sees it; not found when the user is not on its staff. */
    public OrganisationView organisation(OrganisationId id, UUID userId) {
        StaffRole role = memberships.findByOrganisationIdAndUserId(id.value(), userId)
                .map(Membership::role)
                .orElseThrow(() -> new OrganisationNotFound(id));
        return organisations.findById(id.value())
                .map(o -> new OrganisationView(o.id(), o.name(), role, o.createdAt()))
                .orElseThrow(() -> new OrganisationNotFound(id));
    }

}
