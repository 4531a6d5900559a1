package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The address of a badge's HTML page verifies the badge the page advertises with {@code <link rel="alternate"
 * type="application/ld+json">}, fetched like any document (same fetcher, same address rules), and only one page
 * deep.
 */
class Ob2PageLinkTests {

    private static final URI PAGE = URI.create("https://badges.example/p/badges/abc");
    private static java.security.KeyPair rsa;

    @BeforeAll
    static void keys() throws Exception {
        rsa = Ob2Fixture.rsa();
    }

    /** The fixture's documents, plus HTML pages that a JSON fetch refuses as a real server's fetcher would. */
    private static DocumentFetcher withPages(Ob2Fixture fixture, Map<URI, String> pages) {
        DocumentFetcher documents = fixture.fetcher();
        return (uri, expect) -> {
            String html = pages.get(uri);
            if (html == null) {
                return documents.fetch(uri, expect);
            }
            if (expect != DocumentFetcher.Expect.ANY) {
                throw new FetchFailed(uri, FetchFailed.Reason.UNEXPECTED_CONTENT_TYPE, uri.toString(), "text/html");
            }
            return new FetchedDocument(uri, uri, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
        };
    }

    private static VerificationReport verify(DocumentFetcher fetcher, URI url) {
        return new Verifier(fetcher, new Baker(BakingLimits.defaults()), Ob2Fixture.CLOCK)
                .verify(VerificationRequest.ofUrl(url.toString()));
    }

    private static String page(String head) {
        return "<!DOCTYPE html><html><head><title>Badge</title>" + head + "</head><body><h1>Badge</h1>"
                + "<link rel=\"alternate\" type=\"application/ld+json\" href=\"https://attacker.example/x\"></body></html>";
    }

    @Test
    void verifiesTheBadgeAPageAdvertises() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.hosted();
        Map<URI, String> pages = new HashMap<>();
        pages.put(PAGE, page("<link rel=\"stylesheet\" href=\"/x.css\"><LINK TYPE='application/ld+json' REL='alternate'"
                + " HREF='" + Ob2Fixture.HOSTED + "?a=1&amp;b=2'>"));
        fixture.publish(URI.create(Ob2Fixture.HOSTED + "?a=1&b=2"), fixture.assertion(Ob2Fixture.HOSTED, false));

        VerificationReport viaPage = verify(withPages(fixture, pages), PAGE);
        VerificationReport direct = verify(withPages(fixture, pages), Ob2Fixture.HOSTED);

        assertThat(viaPage.verdict()).as(viaPage.checks().toString()).isEqualTo(Verdict.VALID).isEqualTo(direct.verdict());
        assertThat(viaPage.badge().name()).isEqualTo(direct.badge().name());
    }

    @Test
    void resolvesARelativeAddressAgainstThePage() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.hosted();
        URI page = URI.create("https://issuer.example/pages/1.html");
        Map<URI, String> pages = Map.of(page,
                page("<link rel=\"alternate\" type=\"application/ld+json\" href=\"../assertions/1.json\">"));

        assertThat(verify(withPages(fixture, pages), page).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void followsOnePageOnlyAndNeverAnotherScheme() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        URI second = URI.create("https://badges.example/p/badges/def");
        Map<URI, String> pages = Map.of(PAGE,
                page("<link rel=\"alternate\" type=\"application/ld+json\" href=\"" + second + "\">"),
                second, page("<link rel=\"alternate\" type=\"application/ld+json\" href=\"" + Ob2Fixture.HOSTED + "\">"));

        VerificationReport report = verify(withPages(fixture, pages), PAGE);

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.check(Verifier.INPUT_FETCH).orElseThrow().args()).contains(second.toString());

        Map<URI, String> local = Map.of(PAGE, page("<link rel=\"alternate\" type=\"application/ld+json\""
                + " href=\"file:///etc/passwd\"><link rel=\"alternate\" type=\"text/html\" href=\"" + Ob2Fixture.HOSTED + "\">"));
        VerificationReport refused = verify(withPages(fixture, local), PAGE);
        assertThat(refused.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(refused.check(Verifier.INPUT_FETCH).orElseThrow().args()).contains(PAGE.toString());
    }
}
