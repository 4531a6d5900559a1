package org.insigne.web.issuer;

import java.util.List;
import java.util.Locale;

import org.insigne.issuer.application.Applicant;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationSettings;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.application.Submission;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.web.account.AccountUser;

/** Badge classes opened to applications and applications sent by new, confirmed accounts, through the service. */
final class ApplicationFixture {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ConsoleFixture console;
    private final ApplicationService applications;

    ApplicationFixture(ConsoleFixture console, ApplicationService applications) {
        this.console = console;
        this.applications = applications;
    }

    void open(OrganisationId organisation, BadgeClassId badgeClass, AccountUser owner) {
        applications.open(organisation, badgeClass, owner.id(), new ApplicationSettings("Racontez une réunion.",
                "Vérifiez le compte rendu.", true, 2, 1, null, null, null));
    }

    ApplicationView submitted(BadgeClassId badgeClass) {
        try {
            AccountUser applicant = console.account("Candidat");
            return submitted(badgeClass, applicant);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ApplicationView submitted(BadgeClassId badgeClass, AccountUser applicant) {
        return applications.submit(badgeClass, new Applicant(applicant.id(), applicant.email(),
                applicant.displayName(), Locale.FRENCH), new Submission("J'ai animé trois réunions de quartier.",
                List.of(new Submission.LinkInput("https://example.org/compte-rendu", true)),
                List.of(new Submission.FileInput("compte-rendu.pdf", PDF, true)), true, null));
    }
}
