package org.insigne.web.application;

import java.util.Map;

import org.insigne.issuer.application.ApplicationEvent;
import org.insigne.issuer.application.ApplicationView;
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

    ApplicationNotifier(Mailer mailer, Links links) {
        this.mailer = mailer;
        this.links = links;
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
