package org.insigne.web.issuer;

import java.util.Locale;
import java.util.Map;

import org.insigne.issuer.award.AwardView;
import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
import org.springframework.stereotype.Component;

/**
 * Tells an earner they received a badge: one mail, in the issuer's language, with the link that adds it to
 * their Insigne backpack (the claim link) and the badge's public address, which works without any account.
 */
@Component
public class AwardNotifier {

    private final Mailer mailer;
    private final Links links;

    AwardNotifier(Mailer mailer, Links links) {
        this.mailer = mailer;
        this.links = links;
    }

    public void notify(AwardView award, String badgeName, String issuerName, Locale locale) {
        mailer.send(award.recipientEmail(), "badge-awarded", locale, Map.of(
                "name", award.recipientName(),
                "badge", badgeName,
                "issuer", issuerName,
                "link", links.absolute("/ob2/assertions/" + award.id().value()),
                "claimLink", links.absolute("/backpack/claim/" + award.id().value())));
    }
}
