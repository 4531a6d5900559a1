package org.insigne.web.issuer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.bulk.BulkMail;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.system.Links;
import org.insigne.web.system.MailBatch;
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
     * Sends the same mail for a bulk award in {@code batch}, on the caller's thread, with links under the
     * address the award was made at and the row's idempotency key as Message-ID.
     */
    public MailBatch.Outcome notify(MailBatch batch, BulkMail mail) {
        return batch.send(mail.award().recipientEmail(), "badge-awarded", mail.locale(),
                variables(mail.award(), mail.badgeName(), mail.issuerName(), mail.baseUrl().replaceAll("/+$", "")),
                mail.key());
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
