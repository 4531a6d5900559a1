package org.insigne.web.issuer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.insigne.issuer.application.Applicant;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationSettings;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.application.Question;
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

    /** Opens with the level asked and one question of each kind, the first two required. */
    void openWithQuestions(OrganisationId organisation, BadgeClassId badgeClass, AccountUser owner) {
        applications.open(organisation, badgeClass, owner.id(), new ApplicationSettings("Racontez une réunion.",
                "Vérifiez le compte rendu.", true, 2, 1, null, null, null, true, QUESTIONS, 1));
    }

    static final List<Question> QUESTIONS = List.of(
            new Question(Question.Kind.SHORT_TEXT, "Dans quelle structure ?", "Son nom suffit.", true, 40, ""),
            new Question(Question.Kind.CHOICE, "Combien de participants ?", "", true, 0, "Moins de 10\nPlus de 10"),
            new Question(Question.Kind.LONG_TEXT, "Ce que vous avez appris", "", false, 0, ""),
            new Question(Question.Kind.LINK, "Page de la structure", "", false, 0, ""),
            new Question(Question.Kind.DATE, "Date de la dernière réunion", "", false, 0, ""),
            new Question(Question.Kind.CHECKBOX, "J'ai animé seul", "", false, 0, ""),
            new Question(Question.Kind.FILE, "Attestation", "Signée par la structure.", false, 0, ""));

    /** An application to a class opened {@link #openWithQuestions with questions}, every question answered. */
    ApplicationView answered(BadgeClassId badgeClass, AccountUser applicant) {
        return applications.submit(badgeClass, new Applicant(applicant.id(), applicant.email(),
                applicant.displayName(), Locale.FRENCH), new Submission("J'ai animé trois réunions de quartier.",
                List.of(), List.of(), true, null, "Je transmets",
                Map.of(0, "Centre social des Provinces", 1, "Plus de 10", 2, "À laisser parler chacun.",
                        3, "https://example.org/centre", 4, "2026-03-01", 5, "on"),
                Map.of(6, new Submission.FileInput("attestation.pdf", PDF, false))));
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
