package org.insigne.issuer.badgeclass;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.OrganisationView;
import org.insigne.issuer.organisation.StaffRole;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Badge classes of an organisation. Every member of the staff reads them; owners and administrators write,
 * publish and archive. A badge class is always looked up within the organisation named in the request, so an id
 * from another organisation is not found.
 */
@Service
@Transactional(readOnly = true)
public class BadgeClassService {

    private static final Logger log = LoggerFactory.getLogger(BadgeClassService.class);

    /** Every call first asks the organisation service whether the person is staff there. */
    private final OrganisationService organisations;
    private final BadgeClassRepository badgeClasses;
    private final BadgeClassImageRepository images;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BadgeClassService(OrganisationService organisations, BadgeClassRepository badgeClasses,
                      BadgeClassImageRepository images, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.organisations = organisations;
        this.badgeClasses = badgeClasses;
        this.images = images;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The organisation's badge classes by name, for any member. */
    public List<BadgeClassSummary> badgeClasses(OrganisationId organisation, UUID userId) {
        organisations.organisation(organisation, userId);
        return badgeClasses.findByOrganisationIdOrderByNameAsc(organisation.value()).stream()
                .map(b -> new BadgeClassSummary(b.id(), b.name(), b.status(), b.updatedAt()))
                .toList();
    }

    /** One badge class, for any member. */
    public BadgeClassView badgeClass(OrganisationId organisation, BadgeClassId id, UUID userId) {
        OrganisationView staff = organisations.organisation(organisation, userId);
        return viewOf(load(organisation, id), staff);
    }

    /** Checks that {@code userId} may create badge classes here, before showing the form. */
    public OrganisationView checkCanWrite(OrganisationId organisation, UUID userId) {
        return organisations.requireRole(organisation, userId, StaffRole.ADMIN);
    }

    /** One badge class to edit: owners and administrators, and not once archived. */
    public BadgeClassView badgeClassToEdit(OrganisationId organisation, BadgeClassId id, UUID userId) {
        OrganisationView staff = organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        BadgeClass badgeClass = load(organisation, id);
        if (badgeClass.status() == BadgeClassStatus.ARCHIVED) {
            throw new BadgeClassStatusForbids(badgeClass.status(), "edit");
        }
        return viewOf(badgeClass, staff);
    }

    /** Creates a draft with its image. */
    @Transactional
    public BadgeClassView create(OrganisationId organisation, UUID userId, BadgeClassContent content,
                                 StoredImage image) {
        OrganisationView staff = organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        BadgeClass badgeClass = badgeClasses.save(new BadgeClass(organisation, content, clock.instant()));
        images.save(new BadgeClassImage(badgeClass.id(), image, clock.instant()));
        log.info("Badge class {} created in organisation {} by user {}", badgeClass.id().value(),
                organisation.value(), userId);
        audit.record(organisation.value(), userId, AuditAction.BADGE_CLASS_CREATED, badgeClass.id().value(), Map.of("name", content.name()));
        return viewOf(badgeClass, image.mediaType(), staff);
    }

    /** Rewrites a badge class, and replaces its image when a new one is given. */
    @Transactional
    public BadgeClassView edit(OrganisationId organisation, BadgeClassId id, UUID userId, BadgeClassContent content,
                               @Nullable StoredImage image) {
        OrganisationView staff = organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        BadgeClass badgeClass = load(organisation, id);
        badgeClass.edit(content, clock.instant());
        if (image != null) {
            images.findById(id.value()).ifPresentOrElse(
                    existing -> existing.replace(image, clock.instant()),
                    () -> images.save(new BadgeClassImage(id, image, clock.instant())));
            audit.record(organisation.value(), userId, AuditAction.BADGE_CLASS_IMAGE_CHANGED, id.value(), Map.of("name", content.name(), "mediaType", image.mediaType()));
        }
        log.info("Badge class {} edited by user {}", id.value(), userId);
        audit.record(organisation.value(), userId, AuditAction.BADGE_CLASS_EDITED, id.value(), Map.of("name", content.name()));
        events.publishEvent(new BadgeClassChanged(id));
        return viewOf(badgeClass, staff);
    }

    @Transactional
    public BadgeClassView publish(OrganisationId organisation, BadgeClassId id, UUID userId) {
        OrganisationView staff = organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        BadgeClass badgeClass = load(organisation, id);
        badgeClass.publish(clock.instant());
        log.info("Badge class {} published by user {}", id.value(), userId);
        audit.record(organisation.value(), userId, AuditAction.BADGE_CLASS_PUBLISHED, id.value(), Map.of("name", badgeClass.name()));
        events.publishEvent(new BadgeClassChanged(id));
        return viewOf(badgeClass, staff);
    }

    @Transactional
    public BadgeClassView archive(OrganisationId organisation, BadgeClassId id, UUID userId) {
        OrganisationView staff = organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        BadgeClass badgeClass = load(organisation, id);
        badgeClass.archive(clock.instant());
        log.info("Badge class {} archived by user {}", id.value(), userId);
        audit.record(organisation.value(), userId, AuditAction.BADGE_CLASS_ARCHIVED, id.value(), Map.of("name", badgeClass.name()));
        events.publishEvent(new BadgeClassChanged(id));
        return viewOf(badgeClass, staff);
    }

    /** The image, for anyone: it is what a badge looks like wherever it is shown. */
    public Optional<StoredImage> image(BadgeClassId id) {
        return images.findById(id.value()).map(BadgeClassImage::image);
    }

    /**
     * A badge class as awarded badges describe it, for anyone: drafts stay private, archived ones stay public
     * since the badges already awarded point at them.
     */
    public Optional<PublicBadgeClass> publicBadgeClass(BadgeClassId id) {
        return badgeClasses.findById(id.value())
                .filter(b -> b.status() != BadgeClassStatus.DRAFT)
                .map(b -> new PublicBadgeClass(b.id(), b.organisationId(), b.content(),
                        CriteriaHtml.render(b.content().criteriaMarkdown()), b.status()));
    }

    /** Criteria written in Markdown as safe HTML for a public page, from a cache of recent renderings. */
    public String criteriaHtml(String criteriaMarkdown) {
        return CriteriaHtml.cached(criteriaMarkdown);
    }

    private BadgeClass load(OrganisationId organisation, BadgeClassId id) {
        return badgeClasses.findByIdAndOrganisationId(id.value(), organisation.value())
                .orElseThrow(() -> new BadgeClassNotFound(id));
    }

    private BadgeClassView viewOf(BadgeClass badgeClass, OrganisationView staff) {
        String mediaType = images.findById(badgeClass.id().value())
                .map(i -> i.image().mediaType()).orElse(StoredImage.PNG);
        return viewOf(badgeClass, mediaType, staff);
    }

    private static BadgeClassView viewOf(BadgeClass badgeClass, String imageMediaType, OrganisationView staff) {
        BadgeClassContent content = badgeClass.content();
        return new BadgeClassView(badgeClass.id(), staff, content, CriteriaHtml.render(content.criteriaMarkdown()),
                badgeClass.status(), imageMediaType, badgeClass.updatedAt(), staff.role().includes(StaffRole.ADMIN));
    }
}
