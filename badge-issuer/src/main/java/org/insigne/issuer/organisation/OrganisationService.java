package org.insigne.issuer.organisation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.image.StoredImage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    private final OrganisationLogoRepository logos;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrganisationService(OrganisationRepository organisations, MembershipRepository memberships,
                        OrganisationLogoRepository logos, AuditLog audit, Clock clock,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.audit = audit;
        this.organisations = organisations;
        this.memberships = memberships;
        this.logos = logos;
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
        audit.record(organisation.id().value(), userId, AuditAction.ORGANISATION_CREATED, organisation.id().value(), Map.of("name", trimmed));
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

    /**
     * The organisation as {@code userId} sees it, once checked that their role includes {@code atLeast}. Someone
     * outside the staff gets {@link OrganisationNotFound}, exactly as for an organisation that does not exist, so
     * that ids cannot be probed; a member whose role is too low gets {@link StaffRoleInsufficient}.
     */
    public OrganisationView requireRole(OrganisationId id, UUID userId, StaffRole atLeast) {
        OrganisationView organisation = organisation(id, userId);
        if (!organisation.role().includes(atLeast)) {
            throw new StaffRoleInsufficient();
        }
        return organisation;
    }

    /** The public profile, for any member of the staff. */
    public OrganisationProfileView profile(OrganisationId id, UUID userId) {
        organisation(id, userId);
        return profileOf(load(id));
    }

    /** The profile to edit, for owners and administrators only. */
    public OrganisationProfileView profileToEdit(OrganisationId id, UUID userId) {
        requireRole(id, userId, StaffRole.ADMIN);
        return profileOf(load(id));
    }

    /** Replaces the profile, and the logo when a new one is given (already accepted by the image checks). */
    @Transactional
    public OrganisationProfileView describe(OrganisationId id, UUID userId, OrganisationProfile profile,
                                            @Nullable StoredImage logo) {
        requireRole(id, userId, StaffRole.ADMIN);
        Organisation organisation = load(id);
        organisation.describe(profile);
        if (logo != null) {
            logos.findById(id.value()).ifPresentOrElse(
                    existing -> existing.replace(logo, clock.instant()),
                    () -> logos.save(new OrganisationLogo(id, logo, clock.instant())));
        }
        log.info("Organisation {} profile updated by user {}", id.value(), userId);
        audit.record(id.value(), userId, AuditAction.ORGANISATION_PROFILE_CHANGED, id.value(), Map.of("name", profile.name(), "logo", String.valueOf(logo != null)));
        events.publishEvent(new OrganisationProfileChanged(id));
        return profileOf(organisation);
    }

    /** The logo, for anyone: it appears on public badge pages. */
    public Optional<StoredImage> logo(OrganisationId id) {
        return logos.findById(id.value()).map(OrganisationLogo::image);
    }

    /** The owners' and administrators' user ids, who act for the organisation (to be told of a request). */
    public List<UUID> administrators(OrganisationId id) {
        return memberships.findByOrganisationIdOrderByCreatedAtAsc(id.value()).stream()
                .filter(m -> m.role().includes(StaffRole.ADMIN)).map(Membership::userId).toList();
    }

    /** Every organisation by name, without {@code except}: whom an issuer may ask for an endorsement. */
    public List<OrganisationName> directory(OrganisationId except) {
        return organisations.findAll(org.springframework.data.domain.Sort.by("name")).stream()
                .filter(o -> !o.id().equals(except))
                .map(o -> new OrganisationName(o.id(), o.name())).toList();
    }

    /** The public profile, for anyone: it is what the organisation's badges say about their issuer. */
    public Optional<OrganisationProfileView> publicProfile(OrganisationId id) {
        return organisations.findById(id.value()).map(this::profileOf);
    }

    /** The organisation's name, for an invitation's recipient who is not on its staff yet. */
    String name(OrganisationId id) {
        return load(id).name();
    }

    private Organisation load(OrganisationId id) {
        return organisations.findById(id.value()).orElseThrow(() -> new OrganisationNotFound(id));
    }

    private OrganisationProfileView profileOf(Organisation organisation) {
        return new OrganisationProfileView(organisation.id(), organisation.profile(),
                logos.findById(organisation.id().value()).map(l -> l.image().mediaType()).orElse(null));
    }
}
