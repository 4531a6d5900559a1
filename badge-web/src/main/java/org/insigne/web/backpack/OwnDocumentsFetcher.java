package org.insigne.web.backpack;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.HostedUrls;
import org.insigne.issuer.award.IssuedForms;
import org.insigne.issuer.organisation.OrganisationId;

/**
 * Answers the OB 3.0 revocation list of one of our organisations from the database instead of over HTTP,
 * for claims only: a claimed badge is one of our own credentials, so its {@code credentialStatus} points at
 * our own list, which a development server on plain HTTP could not fetch from itself (loopback addresses are
 * refused). Everything else goes to the bounded HTTP fetcher.
 */
final class OwnDocumentsFetcher implements DocumentFetcher {

    private static final Pattern REVOCATIONS = Pattern.compile("(.*)/ob3/issuers/([0-9a-fA-F-]{36})/revocations");
    private static final Pattern STATUS_LISTS = Pattern.compile("(.*)/ob3/issuers/([0-9a-fA-F-]{36})/status/([0-9]{1,9})");

    private final AwardService awards;
    private final IssuedForms forms;
    private final DocumentFetcher network;

    OwnDocumentsFetcher(AwardService awards, IssuedForms forms, DocumentFetcher network) {
        this.awards = awards;
        this.forms = forms;
        this.network = network;
    }

    @Override
    public FetchedDocument fetch(URI uri, Expect expect) throws FetchFailed {
        Matcher own = REVOCATIONS.matcher(uri.toString());
        if (own.matches()) {
            Optional<byte[]> list = organisation(own.group(2))
                    .flatMap(org -> awards.credentialRevocationList(org, new HostedUrls(own.group(1))));
            if (list.isPresent()) {
                return new FetchedDocument(uri, uri, "application/json", list.get());
            }
        }
        Matcher statusList = STATUS_LISTS.matcher(uri.toString());
        if (statusList.matches()) {
            Optional<byte[]> list = organisation(statusList.group(2)).flatMap(org -> forms.statusList(org,
                    Integer.parseInt(statusList.group(3)), new HostedUrls(statusList.group(1))));
            if (list.isPresent()) {
                return new FetchedDocument(uri, uri, "application/json", list.get());
            }
        }
        return network.fetch(uri, expect);
    }

    private static Optional<OrganisationId> organisation(String id) {
        try {
            return Optional.of(new OrganisationId(UUID.fromString(id)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
