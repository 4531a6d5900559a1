package org.insigne.web.application;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.insigne.issuer.application.ApplicationEvent;
import org.insigne.issuer.application.ApplicationState;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.web.issuer.AwardNotifier;
import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
import org.springframework.stereotype.Component;

/**
 * Mails the applicant at each change of their application, in the language they applied in, with the
 * reviewer's message when there is one and the link to the application in their backpack.
 */
@Component
public class ApplicationNotifier {

    private final Mailer mailer;
    private final Links links;
    private final AwardService awards;
    private final AwardNotifier awardNotifier;
    private final OrganisationService organisations;

    ApplicationNotifier(Mailer mailer, Links links, AwardService awards, AwardNotifier awardNotifier,
                        OrganisationService organisations) {
        this.mailer = mailer;
        this.links = links;
        this.awards = awards;
        this.awardNotifier = awardNotifier;
        this.organisations = organisations;
    }

    /**
     * After a decision to award, from the console or the API: when it awarded the badge, rather than adding one
     * approval among several still owed, mails the applicant the change and the award, as every award is
     * mailed; says whether it did.
     */
    public boolean awarded(OrganisationId organisation, ApplicationView decided, UUID reviewer) {
        if (decided.state() != ApplicationState.AWARDED) {
            return false;
        }
        changed(decided);
        awardNotifier.notify(awards.award(organisation, Objects.requireNonNull(decided.award()), reviewer),
                decided.badgeClassName(), organisations.organisation(organisation, reviewer).name(),
                decided.locale());
        return true;
    }

    public void changed(ApplicationView application) {
        ApplicationEvent last = application.history().get(application.history().size() - 1);
        boolean fromReviewer = last.actorId() != null && !last.actorId().equals(application.applicantId());
        String message = fromReviewer && last.message() != null ? last.message() : null;
        mailer.send(application.applicantEmail(), "application-changed", application.locale(), Map.of(
                "name", application.applicantName(),
                "badge", application.badgeClassName(),
                "state", application.state().name(),
                "message", message == null ? "" : message,
                "link", links.absolute("/backpack/applications/" + application.id().value())));
    }
}
