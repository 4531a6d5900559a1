package org.insigne.issuer.cobuild;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.insigne.core.error.DomainException.Kind;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.award.EvidenceLink;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.InvalidImage;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.OrganisationView;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.secret.SecretHash;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Co-built personalised badges. An animator (awarder and above) starts one with a person, face to face or by
 * a mailed link; either of them answers the guided steps, the draft kept at each; the person validates the
 * wording or refuses. Once validated, the organisation awards it through the ordinary path: a badge class of
 * its own (tagged {@value #PERSONALISED_TAG}, created and published by an owner or administrator), the award's
 * documents carrying the person's account as their narrative. A person's link is 256 random bits, kept as a
 * SHA-256, valid {@link #LINK_VALIDITY} and spent once the person decides.
 */
@Service
@Transactional(readOnly = true)
public class CoBuildService {

    /** The tag that marks a co-built badge class in its documents, wherever the badge is shown. */
    public static final String PERSONALISED_TAG = "personnalisé";
    public static final Duration LINK_VALIDITY = Duration.ofDays(14);

    private static final Logger log = LoggerFactory.getLogger(CoBuildService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CoBuildRepository coBuilds;
    private final OrganisationService organisations;
    private final BadgeClassService badgeClasses;
    private final AwardService awards;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CoBuildService(CoBuildRepository coBuilds, OrganisationService organisations, BadgeClassService badgeClasses,
                   AwardService awards, JdbcTemplate jdbc, Clock clock) {
        this.coBuilds = coBuilds;
        this.organisations = organisations;
        this.badgeClasses = badgeClasses;
        this.awards = awards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- The animator's side ---

    /** The organisation's co-constructions, latest first; awarders and above. */
    public List<CoBuildView> coBuilds(OrganisationId organisation, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        return coBuilds.findByOrganisationIdOrderByUpdatedAtDesc(organisation.value()).stream()
                .map(CoBuild::view).toList();
    }

    public CoBuildView coBuild(OrganisationId organisation, CoBuildId id, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        return load(organisation, id).view();
    }

    /** Checks that {@code userId} may start co-constructions here, before showing the form. */
    public OrganisationView checkCanStart(OrganisationId organisation, UUID userId) {
        return organisations.requireRole(organisation, userId, StaffRole.AWARDER);
    }

    /** Starts a draft with a person, named and reached by e-mail (the badge goes to that address). */
    @Transactional
    public CoBuildView start(OrganisationId organisation, UUID userId, @Nullable String personName,
                             @Nullable String personEmail, CoBuildMode mode) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        String name = personName == null ? "" : personName.strip();
        if (name.isEmpty() || name.length() > AwardRequest.MAX_NAME) {
            throw new CoBuildRefused(Kind.INVALID, "person-name", AwardRequest.MAX_NAME);
        }
        String email = personEmail == null ? "" : personEmail.strip().toLowerCase(Locale.ROOT);
        if (!AwardRequest.isPlausibleEmail(email)) {
            throw new CoBuildRefused(Kind.INVALID, "person-email");
        }
        CoBuild coBuild = coBuilds.save(new CoBuild(organisation, userId, mode, name, email, clock.instant()));
        log.info("Co-construction {} started in organisation {} by user {}", coBuild.id().value(),
                organisation.value(), userId);
        return coBuild.view();
    }

    /** A new link for the person, replacing any earlier one; the token is returned once, to be mailed. */
    @Transactional
    public PersonLink sendLink(OrganisationId organisation, CoBuildId id, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        CoBuild coBuild = load(organisation, id);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expires = now.plus(LINK_VALIDITY);
        coBuild.giveLink(SecretHash.of(token), expires, now);
        log.info("Co-construction {} link issued by user {}", id.value(), userId);
        return new PersonLink(coBuild.view(), token, expires);
    }

    /** Saves one step's answers, by the animator (on the shared screen or to help afterwards). */
    @Transactional
    public CoBuildView save(OrganisationId organisation, CoBuildId id, UUID userId, CoBuildStep step,
                            CoBuildAnswers answers) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        CoBuild coBuild = load(organisation, id);
        write(coBuild, step, answers);
        return coBuild.view();
    }

    /** The person, beside the animator on the shared screen, validates the wording; {@code confirmed} is their box. */
    @Transactional
    public CoBuildView consent(OrganisationId organisation, CoBuildId id, UUID userId, boolean confirmed) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        CoBuild coBuild = lock(organisation, id);
        consent(coBuild, confirmed);
        return coBuild.view();
    }

    /** The person, or the animator for them, says no: nothing will be issued. */
    @Transactional
    public CoBuildView refuse(OrganisationId organisation, CoBuildId id, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.AWARDER);
        CoBuild coBuild = lock(organisation, id);
        coBuild.refuse(clock.instant());
        log.info("Co-construction {} refused, recorded by user {}", id.value(), userId);
        return coBuild.view();
    }

    /**
     * Awards a validated co-construction, in one transaction: its badge class (created and published, so owners
     * and administrators only), then the award through {@link AwardService}, with the person's account as
     * narrative. Awarding twice is refused: the row is locked and the state moves on.
     */
    @Transactional
    public CoBuildAwarded award(OrganisationId organisation, CoBuildId id, UUID userId, HostedUrls urls) {
        OrganisationView staff = organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        CoBuild coBuild = lock(organisation, id);
        CoBuildView view = coBuild.view();
        if (view.state() != CoBuildState.CONSENTED) {
            throw new CoBuildRefused(Kind.CONFLICT, "not-consented");
        }
        List<String> tags = new ArrayList<>();
        tags.add(PERSONALISED_TAG);
        Set<String> seen = new HashSet<>(Set.of(PERSONALISED_TAG));
        for (String tag : view.chosenTags()) {
            if (tags.size() < BadgeClassContent.MAX_TAGS && seen.add(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        BadgeClassContent content = new BadgeClassContent(required(view.badgeName()),
                required(view.badgeDescription()), required(view.skills()), List.of(), tags,
                BadgeClassContent.DEFAULT_LEVELS, null, false);
        BadgeClassView badgeClass = badgeClasses.create(organisation, userId, content, image(view, coBuild));
        badgeClasses.publish(organisation, badgeClass.id(), userId);
        List<String> links = view.evidenceLinks();
        AwardRequest request = new AwardRequest(id.value(), view.personEmail(), view.personName(),
                required(view.level()), links.isEmpty() ? null : links.get(0), null, null);
        AwardView award = awards.awardWithNarrative(organisation, badgeClass.id(), userId, request,
                links.stream().skip(1).map(url -> new EvidenceLink(url, null)).toList(), required(view.experience()),
                urls);
        coBuild.awarded(badgeClass.id(), award.id(), clock.instant());
        log.info("Co-construction {} awarded as badge class {} by user {}", id.value(), badgeClass.id().value(),
                userId);
        return new CoBuildAwarded(coBuild.view(), award, content.name(), staff.name());
    }

    /**
     * A new draft badge class made from an awarded co-built one, without the personalised mark, so that others
     * can ask for it too once it is published and opened to applications; the person's badge stays as issued.
     */
    @Transactional
    public BadgeClassView openToOthers(OrganisationId organisation, CoBuildId id, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        CoBuildView view = load(organisation, id).view();
        BadgeClassId source = view.badgeClass();
        if (view.state() != CoBuildState.AWARDED || source == null) {
            throw new CoBuildRefused(Kind.CONFLICT, "not-awarded");
        }
        BadgeClassContent personal = badgeClasses.badgeClass(organisation, source, userId).content();
        BadgeClassContent open = new BadgeClassContent(personal.name(), personal.description(),
                personal.criteriaMarkdown(), personal.alignments(),
                personal.tags().stream().filter(t -> !t.equals(PERSONALISED_TAG)).toList(), personal.levels(),
                personal.expiryMonths(), personal.evidenceRequired());
        StoredImage image = badgeClasses.image(source).orElseThrow(() -> new CoBuildRefused(Kind.CONFLICT, "not-awarded"));
        BadgeClassView created = badgeClasses.create(organisation, userId, open, image);
        log.info("Co-construction {} opened to others as badge class {} by user {}", id.value(),
                created.id().value(), userId);
        return created;
    }

    /**
     * Names to suggest for what the experience shows: the tags and alignments of the organisation's badge
     * classes (published or archived), in alphabetical order, without the personalised mark.
     */
    public List<String> suggestions(OrganisationId organisation) {
        List<String> names = jdbc.queryForList("""
                select t.tag from badge_class_tag t join badge_class b on b.id = t.badge_class_id
                where b.organisation_id = ? and b.status <> 'DRAFT'
                union
                select a.target_name from badge_class_alignment a join badge_class b on b.id = a.badge_class_id
                where b.organisation_id = ? and b.status <> 'DRAFT'""", String.class,
                organisation.value(), organisation.value());
        Set<String> seen = new HashSet<>();
        return names.stream()
                .filter(n -> n.length() <= BadgeClassContent.MAX_TAG && !n.equals(PERSONALISED_TAG))
                .filter(n -> seen.add(n.toLowerCase(Locale.ROOT)))
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .limit(40)
                .toList();
    }

    /** The badge's image as it stands: the upload, else the template drawn with the current answers. */
    public StoredImage image(CoBuildView view) {
        CoBuild coBuild = coBuilds.findById(view.id().value()).orElseThrow(() -> notFound());
        return image(view, coBuild);
    }

    // --- The person's side, through the link ---

    /** The co-construction a link opens, while it is valid. */
    public CoBuildView byLink(String token) {
        return loadByLink(token).view();
    }

    @Transactional
    public CoBuildView saveByLink(String token, CoBuildStep step, CoBuildAnswers answers) {
        CoBuild coBuild = loadByLink(token);
        write(coBuild, step, answers);
        return coBuild.view();
    }

    /** The person validates the wording through the link, which is then spent. */
    @Transactional
    public CoBuildView consentByLink(String token, boolean confirmed) {
        CoBuild coBuild = loadByLink(token);
        consent(coBuild, confirmed);
        log.info("Co-construction {} validated through its link", coBuild.id().value());
        return coBuild.view();
    }

    /** The person says no through the link, which is then spent: nothing will be issued. */
    @Transactional
    public CoBuildView refuseByLink(String token) {
        CoBuild coBuild = loadByLink(token);
        coBuild.refuse(clock.instant());
        log.info("Co-construction {} refused through its link", coBuild.id().value());
        return coBuild.view();
    }

    // --- Shared ---

    private void consent(CoBuild coBuild, boolean confirmed) {
        if (!coBuild.view().complete()) {
            throw new CoBuildRefused(Kind.INVALID, "incomplete");
        }
        if (!confirmed) {
            throw new CoBuildRefused(Kind.INVALID, "consent");
        }
        coBuild.consent(clock.instant());
    }

    private void write(CoBuild coBuild, CoBuildStep step, CoBuildAnswers answers) {
        Instant now = clock.instant();
        switch (step) {
            case EXPERIENCE -> coBuild.writeExperience(text(answers.experience(), CoBuildAnswers.MAX_EXPERIENCE,
                    "experience"), now);
            case SKILLS -> {
                List<String> tags = answers.chosenTags().stream().map(String::strip).filter(t -> !t.isEmpty())
                        .distinct().toList();
                if (tags.size() > CoBuildAnswers.MAX_CHOSEN_TAGS
                        || tags.stream().anyMatch(t -> t.length() > BadgeClassContent.MAX_TAG || t.contains("\n"))) {
                    throw new CoBuildRefused(Kind.INVALID, "tags", CoBuildAnswers.MAX_CHOSEN_TAGS);
                }
                coBuild.writeSkills(text(answers.skills(), CoBuildAnswers.MAX_SKILLS, "skills"), tags, now);
            }
            case LEVEL -> {
                String level = answers.level() == null ? "" : answers.level().strip();
                if (!BadgeClassContent.DEFAULT_LEVELS.contains(level)) {
                    throw new CoBuildRefused(Kind.INVALID, "level");
                }
                coBuild.chooseLevel(level, now);
            }
            case EVIDENCE -> {
                List<String> links = answers.evidenceLinks().stream().map(l -> l == null ? "" : l.strip())
                        .filter(l -> !l.isEmpty()).toList();
                if (links.size() > CoBuildAnswers.MAX_LINKS) {
                    throw new CoBuildRefused(Kind.INVALID, "links", CoBuildAnswers.MAX_LINKS);
                }
                for (String link : links) {
                    if (link.length() > AwardRequest.MAX_URL || !OrganisationProfile.isWebAddress(link)) {
                        throw new CoBuildRefused(Kind.INVALID, "link", AwardRequest.MAX_URL);
                    }
                }
                coBuild.giveEvidence(links, now);
            }
            case WORDING -> coBuild.word(text(answers.badgeName(), BadgeClassContent.MAX_NAME, "badge-name"),
                    text(answers.badgeDescription(), BadgeClassContent.MAX_DESCRIPTION, "badge-description"), now);
            case IMAGE -> {
                byte[] upload = answers.image();
                if (upload != null && upload.length > 0) {
                    // Refused with the image checks' own messages (type, size, unsafe SVG).
                    coBuild.upload(ImageUploads.accept(upload), now);
                } else {
                    coBuild.chooseTemplate(choice(BadgeTemplate.Shape.class, answers.shape(), "shape"),
                            choice(BadgeTemplate.Colour.class, answers.colour(), "colour"), now);
                }
            }
            case CONSENT -> throw new CoBuildRefused(Kind.INVALID, "consent");
        }
    }

    private StoredImage image(CoBuildView view, CoBuild coBuild) {
        StoredImage uploaded = coBuild.uploadedImage();
        if (uploaded != null) {
            return uploaded;
        }
        byte[] svg = BadgeTemplate.svg(BadgeTemplate.layout(view.badgeName() == null ? "" : view.badgeName(),
                view.level() == null ? "" : view.level(), view.shape(), view.colour()));
        try {
            // The same checks as any upload: the badge class image is served back to browsers.
            return ImageUploads.accept(svg);
        } catch (InvalidImage refused) {
            throw new CoBuildRefused(Kind.INVALID, "image-text");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, @Nullable String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CoBuildRefused(Kind.INVALID, field);
        }
    }

    private static String text(@Nullable String value, int max, String field) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new CoBuildRefused(Kind.INVALID, field, max);
        }
        return stripped;
    }

    private static String required(@Nullable String value) {
        if (value == null) {
            throw new CoBuildRefused(Kind.INVALID, "incomplete");
        }
        return value;
    }

    private CoBuild load(OrganisationId organisation, CoBuildId id) {
        return coBuilds.findByIdAndOrganisationId(id.value(), organisation.value()).orElseThrow(() -> notFound());
    }

    private CoBuild lock(OrganisationId organisation, CoBuildId id) {
        return coBuilds.lockByIdAndOrganisationId(id.value(), organisation.value()).orElseThrow(() -> notFound());
    }

    private CoBuild loadByLink(String token) {
        if (token.isEmpty() || token.length() > 100) {
            throw new CoBuildRefused(Kind.GONE, "link-invalid");
        }
        CoBuild coBuild = coBuilds.findByLinkHash(SecretHash.of(token))
                .orElseThrow(() -> new CoBuildRefused(Kind.GONE, "link-invalid"));
        if (!coBuild.linkValidAt(clock.instant())) {
            throw new CoBuildRefused(Kind.GONE, "link-expired");
        }
        return coBuild;
    }

    private static CoBuildRefused notFound() {
        return new CoBuildRefused(Kind.NOT_FOUND, "not-found");
    }
}
