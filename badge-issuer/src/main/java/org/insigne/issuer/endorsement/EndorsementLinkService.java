package org.insigne.issuer.endorsement;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.secret.SecretHash;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Endorsements asked of a person by e-mail: by an earner about their awarded badge, or by an organisation's
 * administrator about the organisation or one of its badge classes. The person answers through the mailed
 * single-use link, with their account or without one (then as an endorser of their own, made from the link, with
 * a page of theirs where they see and erase what is kept). An endorsement of an organisation or a badge class is
 * published as soon as it is written; one of an awarded badge only once its earner accepts it.
 */
@Service
@Transactional(readOnly = true)
public class EndorsementLinkService {

    /** One reminder, this long before the request expires. */
    public static final Duration REMINDER_BEFORE = Duration.ofDays(7);

    public static final int MAX_EMAIL = 320;

    private static final Logger log = LoggerFactory.getLogger(EndorsementLinkService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<EndorsementStatus> ASKED_OR_GIVEN = List.of(EndorsementStatus.REQUESTED,
            EndorsementStatus.SUBMITTED, EndorsementStatus.ACCEPTED);

    private final EndorsementRepository endorsements;
    private final EndorserPersonRepository persons;
    private final EndorsementService service;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AwardService awards;

    EndorsementLinkService(EndorsementRepository endorsements, EndorserPersonRepository persons,
                            EndorsementService service, ApplicationEventPublisher events, Clock clock,
                            AwardService awards) {
        this.awards = awards;
        this.endorsements = endorsements;
        this.persons = persons;
        this.service = service;
        this.events = events;
        this.clock = clock;
    }

    /** An awarded badge its earner may ask about: made to one of their confirmed addresses, not revoked. */
    public record EndorsableAward(AwardId id, String badgeName, Instant issuedOn) {
    }

    /**
     * The request as mailed: its token is shown once, to be put in the link, and kept only as a hash; the link
     * goes under {@code base}, the address the earner asked from.
     */
    public record PersonRequest(EndorsementView endorsement, String email, String token, String askedBy,
                                String locale, String base) {
        @Override
        public String toString() {
            return "PersonRequest[" + endorsement.id().value() + "]";
        }
    }

    /**
     * What the person reads through the link: who asks ({@code askedBy}, the earner or the organisation), what
     * ({@code endorsedName}, of kind {@code kind}), issued by whom, until when.
     */
    public record LinkView(EndorsementId id, EndorsedKind kind, String askedBy, String endorsedName,
                           String issuerName, Instant expiresAt) {
    }

    /** A person without an account answered: the token of their own page, to be mailed to {@code email}. */
    public record PageLink(String email, String token, String locale) {
        @Override
        public String toString() {
            return "PageLink[hidden]";
        }
    }

    /** What the page of a person without an account shows: all that is kept about them. */
    public record EndorserPage(String name, @Nullable String role, @Nullable String affiliation,
                               @Nullable String websiteUrl, @Nullable String email, Instant since,
                               List<EndorsementView> endorsements) {
    }

    /** The earner's badges they may ask about: those made to {@code addresses}, their confirmed ones. */
    public List<EndorsableAward> endorsable(List<String> addresses) {
        List<EndorsableAward> out = new ArrayList<>();
        for (AwardView a : awards.views(addresses.stream().flatMap(to -> awards.awardsTo(to).stream()).distinct()
                .toList())) {
            if (!a.revoked() && addresses.contains(a.recipientEmail())) {
                out.add(new EndorsableAward(a.id(), service.target(EndorsedKind.AWARD, a.id().value()).name(),
                        a.issuedOn()));
            }
        }
        return out;
    }

    /**
     * The earner {@code earner}, whose confirmed addresses are {@code addresses}, asks the person at {@code email}
     * to endorse their award. Refused for an award not theirs or revoked, for one of their own addresses, and
     * when that address was already asked (and has not let the request expire) or already endorses it.
     */
    @Transactional
    public PersonRequest ask(UUID earner, List<String> addresses, AwardId award, String email, Locale locale,
                             String base) {
        String to = checkedEmail(email);
        AwardView view = service.awardInForce(award.value()).filter(a -> addresses.contains(a.recipientEmail()))
                .orElseThrow(EndorsementRefused::targetUnavailable);
        if (addresses.contains(to)) {
            throw EndorsementRefused.selfEarner();
        }
        EndorsementService.Target what = service.target(EndorsedKind.AWARD, award.value());
        PersonRequest asked = create(EndorsedKind.AWARD, what, earner, to, locale, base, view.recipientName());
        log.info("Endorsement {} of award {} asked by its earner", asked.endorsement().id().value(), award.value());
        return asked;
    }

    /**
     * An administrator ({@code userId}) of {@code organisation} asks the person at {@code email} to endorse it or
     * one of its published badge classes. Refused for an address of its own staff ({@code staffAddresses}) and
     * when that address was already asked (and has not let the request expire) or already endorses it.
     */
    @Transactional
    public PersonRequest askForOrganisation(OrganisationId organisation, UUID userId, EndorsedKind kind,
                                            UUID target, List<String> staffAddresses, String email, Locale locale,
                                            String base) {
        service.requireAdministrator(organisation, userId);
        EndorsementService.Target what = service.unasked(kind, target);
        if (!what.organisation().equals(organisation.value())) {
            throw EndorsementRefused.targetUnavailable();
        }
        String to = checkedEmail(email);
        if (staffAddresses.stream().anyMatch(a -> a.equalsIgnoreCase(to))) {
            throw EndorsementRefused.askedStaff();
        }
        PersonRequest asked = create(kind, what, userId, to, locale, base, service.profileName(organisation.value()));
        log.info("Endorsement {} of {} {} asked of a person by organisation {}", asked.endorsement().id().value(),
                kind, target, organisation.value());
        return asked;
    }

    private PersonRequest create(EndorsedKind kind, EndorsementService.Target what, UUID asker, String to,
                                 Locale locale, String base, String askedBy) {
        Instant now = clock.instant();
        boolean already = endorsements.findByEndorsedKindAndEndorsedIdAndInviteeEmailAndStatusIn(kind, what.id(),
                to, ASKED_OR_GIVEN).stream().anyMatch(e -> !e.expired(now));
        if (already) {
            throw EndorsementRefused.twice();
        }
        String token = newToken();
        Endorsement e = endorsements.save(Endorsement.askedOfPerson(kind, what.id(), what.organisation(), asker, to,
                SecretHash.of(token), locale.toLanguageTag(), base, now,
                now.plus(EndorsementService.REQUEST_VALIDITY)));
        return new PersonRequest(view(e, now), to, token, askedBy, locale.toLanguageTag(), base);
    }

    private static String checkedEmail(String email) {
        String to = email.strip().toLowerCase(Locale.ROOT);
        if (to.length() > MAX_EMAIL || to.indexOf('@') < 1 || to.indexOf('@') == to.length() - 1
                || to.chars().anyMatch(Character::isWhitespace)) {
            throw EndorsementRefused.emailInvalid();
        }
        return to;
    }

    /** The request behind a link still waiting for its answer. */
    public LinkView byLink(String token) {
        Endorsement e = pendingByLink(token);
        EndorsementService.Target what = service.target(e.endorsedKind(), e.endorsedId());
        return new LinkView(e.id(), e.endorsedKind(), askedBy(e).orElseThrow(EndorsementRefused::targetUnavailable),
                what.name(), service.profileName(e.endorsedOrganisationId()), Objects.requireNonNull(e.expiresAt()));
    }

    /** Who asked: the earner (their name as awarded), or the organisation. Empty for a revoked award. */
    private Optional<String> askedBy(Endorsement e) {
        if (e.endorsedKind() == EndorsedKind.AWARD) {
            return service.awardInForce(e.endorsedId()).map(AwardView::recipientName);
        }
        return Optional.of(service.profileName(e.endorsedOrganisationId()));
    }

    /**
     * The person answers with their account ({@code userId}), in the name of their public profile: refused for
     * the earner themselves, for staff of the organisation endorsed, and for a person who already endorses it.
     */
    @Transactional
    public EndorsementView answerWithAccount(String token, UUID userId, String displayName, String comment,
                                             HostedUrls urls) {
        Endorsement e = pendingByLink(token);
        String text = EndorsementService.checkedComment(comment);
        EndorsementService.Target what = service.target(e.endorsedKind(), e.endorsedId());
        if (e.endorsedKind() == EndorsedKind.AWARD && userId.equals(e.requestedBy())) {
            throw EndorsementRefused.selfEarner();
        }
        if (e.endorsedKind() != EndorsedKind.AWARD && service.staffOf(userId, what.organisation())) {
            throw EndorsementRefused.selfAsStaff();
        }
        EndorserPerson person = persons.findByUserId(userId)
                .orElseGet(() -> persons.save(new EndorserPerson(userId, displayName, clock.instant())));
        person.rename(displayName);
        persons.flush();
        if (!endorsements.findByEndorserIdAndEndorsedKindAndEndorsedIdAndStatusIn(person.id(), e.endorsedKind(),
                e.endorsedId(), List.of(EndorsementStatus.SUBMITTED, EndorsementStatus.ACCEPTED)).isEmpty()) {
            throw EndorsementRefused.twiceByPerson();
        }
        return submit(e, person.id(), userId, text, what, urls);
    }

    /** Written; published at once unless it endorses an award, which waits for its earner. */
    private EndorsementView submit(Endorsement e, UUID person, UUID decidedBy, String text,
                                   EndorsementService.Target what, HostedUrls urls) {
        e.submit(person, text, clock.instant());
        log.info("Endorsement {} written by endorsing person {}", e.id().value(), person);
        if (e.endorsedKind() == EndorsedKind.AWARD) {
            return view(e, clock.instant());
        }
        return service.publish(e, decidedBy, text, what, urls);
    }

    /**
     * The person answers without an account: they become an endorser of their own, made from the link, and get a
     * page of theirs (its token returned once, to be mailed to the address the link was sent to).
     */
    @Transactional
    public PageLink answerWithoutAccount(String token, EndorserDetails details, String comment, HostedUrls urls) {
        Endorsement e = pendingByLink(token);
        String text = EndorsementService.checkedComment(comment);
        EndorsementService.Target what = service.target(e.endorsedKind(), e.endorsedId());
        String email = Objects.requireNonNull(e.inviteeEmail());
        String page = newToken();
        EndorserPerson person = persons.save(EndorserPerson.withoutAccount(details, email, SecretHash.of(page),
                clock.instant()));
        persons.flush();
        submit(e, person.id(), person.id(), text, what, urls);
        return new PageLink(email, page, localeOf(e));
    }

    /** The person asked declines: the link is used, the earner sees it declined. */
    @Transactional
    public void declineByLink(String token) {
        Endorsement e = pendingByLink(token);
        e.decline(Objects.requireNonNull(e.requestedBy()), clock.instant());
        log.info("Endorsement {} declined through its link", e.id().value());
    }

    /** The endorsements of their badges the earner asked for, newest first, with what each has become. */
    public List<EndorsementView> askedBy(UUID earner) {
        Instant now = clock.instant();
        return endorsements.findByRequestedByAndEndorsedKindOrderByCreatedAtDesc(earner, EndorsedKind.AWARD).stream()
                .map(e -> view(e, now)).toList();
    }

    /** The earner accepts an endorsement written for their badge: signed by its endorser and published. */
    @Transactional
    public EndorsementView accept(UUID earner, EndorsementId id, HostedUrls urls) {
        Endorsement e = earnersOwn(earner, id);
        if (e.status() != EndorsementStatus.SUBMITTED) {
            throw EndorsementRefused.notPending();
        }
        EndorsementService.Target what = service.target(EndorsedKind.AWARD, e.endorsedId());
        return service.publish(e, earner, Objects.requireNonNull(e.comment()), what, urls);
    }

    /** The earner declines an endorsement written for their badge: it is never published. */
    @Transactional
    public EndorsementView decline(UUID earner, EndorsementId id) {
        Endorsement e = earnersOwn(earner, id);
        if (e.status() != EndorsementStatus.SUBMITTED) {
            throw EndorsementRefused.notPending();
        }
        e.decline(earner, clock.instant());
        log.info("Endorsement {} declined by the earner", id.value());
        return view(e, clock.instant());
    }

    /**
     * Takes the due reminders for this node, each with a new link (replacing the first): a request is reminded
     * once, whichever node gets there first.
     */
    @Transactional
    public List<PersonRequest> claimReminders() {
        Instant now = clock.instant();
        List<PersonRequest> due = new ArrayList<>();
        for (UUID id : endorsements.dueReminders(now, now.plus(REMINDER_BEFORE))) {
            String token = newToken();
            if (endorsements.claimReminder(id, SecretHash.of(token), now) == 1) {
                endorsements.findById(id).ifPresent(e -> askedBy(e).ifPresent(asker ->
                        due.add(new PersonRequest(view(e, now), Objects.requireNonNull(e.inviteeEmail()), token,
                                asker, localeOf(e), String.valueOf(e.mailBase())))));
            }
        }
        return due;
    }

    /** The page of a person without an account. */
    public EndorserPage page(String token) {
        EndorserPerson p = personByPage(token);
        return new EndorserPage(p.displayName(), p.role(), p.affiliation(), p.websiteUrl(), p.email(), p.createdAt(),
                service.views(endorsements.findByEndorserIdOrderByCreatedAtDesc(p.id())));
    }

    /** The person without an account takes back one of their published endorsements. */
    @Transactional
    public void withdrawByPage(String token, EndorsementId id) {
        EndorserPerson p = personByPage(token);
        Endorsement e = endorsements.findById(id.value()).filter(found -> found.endorserId().equals(p.id()))
                .orElseThrow(() -> new EndorsementNotFound(id));
        e.withdraw(clock.instant());
        log.info("Endorsement {} withdrawn by endorsing person {}", id.value(), p.id());
        events.publishEvent(new EndorsementsChanged(new OrganisationId(e.endorsedOrganisationId())));
    }

    /**
     * The person without an account erases what is kept about them: their endorsements are withdrawn (read as
     * revoked from now on) and lose their words; their name, role, organisation, website and address are
     * deleted, and the page's link stops working.
     */
    @Transactional
    public void eraseByPage(String token) {
        EndorserPerson p = personByPage(token);
        Instant now = clock.instant();
        for (Endorsement e : endorsements.findByEndorserIdOrderByCreatedAtDesc(p.id())) {
            e.erase(now);
            events.publishEvent(new EndorsementsChanged(new OrganisationId(e.endorsedOrganisationId())));
        }
        p.erase();
        log.info("Endorsing person {} erased what was kept about them", p.id());
    }

    private EndorserPerson personByPage(String token) {
        if (token.isEmpty() || token.length() > 100) {
            throw EndorsementRefused.linkInvalid();
        }
        return persons.findByPageHash(SecretHash.of(token)).orElseThrow(EndorsementRefused::linkInvalid);
    }

    private Endorsement pendingByLink(String token) {
        if (token.isEmpty() || token.length() > 100) {
            throw EndorsementRefused.linkInvalid();
        }
        Endorsement e = endorsements.findByLinkHash(SecretHash.of(token)).orElseThrow(EndorsementRefused::linkInvalid);
        Instant now = clock.instant();
        if (e.expired(now)) {
            throw EndorsementRefused.linkExpired();
        }
        if (!e.pending(now)) {
            throw EndorsementRefused.linkUsed();
        }
        return e;
    }

    private Endorsement earnersOwn(UUID earner, EndorsementId id) {
        return endorsements.findById(id.value())
                .filter(e -> e.endorsedKind() == EndorsedKind.AWARD && earner.equals(e.requestedBy()))
                .orElseThrow(() -> new EndorsementNotFound(id));
    }

    private EndorsementView view(Endorsement e, Instant now) {
        return EndorsementService.view(e, service.endorserName(e), service.nameOf(e), now);
    }

    private static String localeOf(Endorsement e) {
        return e.mailLocale() == null ? "fr" : e.mailLocale();
    }

    private static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
