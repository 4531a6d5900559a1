package org.insigne.web.cobuild;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.insigne.issuer.cobuild.CoBuildService;
import org.insigne.issuer.cobuild.PersonLink;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.web.system.Mailer;
import org.springframework.stereotype.Component;

/** Mails a person the link to their co-construction, in the animator's language. */
@Component
class CoBuildMails {

    private final Mailer mailer;
    private final OrganisationService organisations;

    CoBuildMails(Mailer mailer, OrganisationService organisations) {
        this.mailer = mailer;
        this.organisations = organisations;
    }

    void sendLink(PersonLink link, String url, Locale locale) {
        String organisation = organisations.publicProfile(link.coBuild().organisation())
                .map(p -> p.profile().name()).orElse("");
        mailer.send(link.coBuild().personEmail(), "cobuild-link", locale, Map.of(
                "name", link.coBuild().personName(),
                "organisation", organisation,
                "link", url,
                "days", CoBuildService.LINK_VALIDITY.toDays(),
                Mailer.SUBJECT_ARGS, List.of(organisation)));
    }
}
