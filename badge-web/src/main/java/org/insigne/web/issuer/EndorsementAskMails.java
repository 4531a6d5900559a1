package org.insigne.web.issuer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.insigne.issuer.endorsement.EndorsementLinkService;
import org.insigne.issuer.endorsement.EndorsementLinkService.PersonRequest;
import org.insigne.issuer.work.Leases;
import org.insigne.web.system.DisplayDates;
import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails the person an earner asks to endorse their badge, or an organisation to endorse it or one of its badge
 * classes, in the asker's language: the request, and one reminder
 * {@link EndorsementLinkService#REMINDER_BEFORE} before it expires, with a new link (the first one's token is
 * kept only as a hash, so it cannot be sent again). Every node wakes each {@code insigne.endorsements.tick}; one
 * sweeps at a time, and each reminder is claimed by its row before its mail is sent.
 */
@Component
class EndorsementAskMails {

    private static final Logger log = LoggerFactory.getLogger(EndorsementAskMails.class);
    private static final String LEASE = "endorsement-reminders";

    private final EndorsementLinkService endorsements;
    private final Mailer mailer;
    private final Links links;
    private final DisplayDates dates;
    private final Leases leases;

    EndorsementAskMails(EndorsementLinkService endorsements, Mailer mailer, Links links, DisplayDates dates,
                        Leases leases) {
        this.endorsements = endorsements;
        this.mailer = mailer;
        this.links = links;
        this.dates = dates;
        this.leases = leases;
    }

    @Scheduled(initialDelayString = "${insigne.endorsements.tick:PT1H}",
            fixedDelayString = "${insigne.endorsements.tick:PT1H}")
    void onSchedule() {
        leases.runAlone(LEASE, this::sendReminders);
    }

    /** Sends the reminders due now; returns how many. */
    int sendReminders() {
        List<PersonRequest> due = endorsements.claimReminders();
        for (PersonRequest request : due) {
            send(request, true);
            log.info("Endorsement {} reminded", request.endorsement().id().value());
        }
        return due.size();
    }

    void send(PersonRequest request, boolean reminder) {
        Locale locale = Locale.forLanguageTag(request.locale());
        mailer.send(request.email(), "endorsement-ask", locale, Map.of(
                "askedBy", request.askedBy(),
                "kind", request.endorsement().endorsedKind().name(),
                "endorsed", request.endorsement().endorsedName(),
                "link", links.base().orElse(request.base()) + "/endorse/" + request.token(),
                "expires", dates.date(Objects.requireNonNull(request.endorsement().expiresAt()), locale),
                "reminder", reminder,
                Mailer.SUBJECT_ARGS, List.of(request.askedBy())));
    }
}
