package org.insigne.web.issuer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.publishing.HostedUrls;
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
        mailer.send(award.recipientEmail(), "badge-awarded", locale,
                variables(award, badgeName, issuerName, links.absolute("")));
    }

    /**
     * Sends the same mail on the caller's thread, outside any request, with links under {@code baseUrl} (the
     * address the award was made at); false when it could not leave, to be tried again.
     */
    public boolean notifyNow(AwardView award, String badgeName, String issuerName, Locale locale, String baseUrl) {
        return mailer.sendNow(award.recipientEmail(), "badge-awarded", locale,
                variables(award, badgeName, issuerName, baseUrl.replaceAll("/+$", "")));
    }

    private static Map<String, Object> variables(AwardView award, String badgeName, String issuerName, String base) {
        return Map.of(
                "name", award.recipientName(),
                "badge", badgeName,
                "issuer", issuerName,
                "link", new HostedUrls(base).ob2Assertion(award.id().value()),
                "claimLink", base + "/backpack/claim/" + award.id().value(),
                Mailer.SUBJECT_ARGS, List.of(badgeName, issuerName));
    }
}
