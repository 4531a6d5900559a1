package org.insigne.issuer.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The route table builds every public URL and reads each back as the document it names. */
class HostedUrlsTests {

    /** A backpack public id: 32 bytes in base64url without padding. */
    private static final String PUBLIC_ID = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    private static final UUID ORG = UUID.fromString("0a0a0a0a-1111-4111-8111-000000000001");
    private static final UUID ID = UUID.fromString("0c0c0c0c-3333-4333-8333-000000000003");
    private final HostedUrls urls = new HostedUrls("https://badges.example.org/base//");

    @Test
    void buildsTheAddressesBadgesAlreadyName() {
        assertThat(urls.ob2Assertion(ID)).isEqualTo("https://badges.example.org/base/ob2/assertions/" + ID);
        assertThat(urls.ob2Signed(ID)).isEqualTo("https://badges.example.org/base/ob2/assertions/" + ID + "/signed");
        assertThat(urls.ob2Baked(ID, "svg")).endsWith("/ob2/assertions/" + ID + "/baked.svg");
        assertThat(urls.ob2BadgeClass(ID)).endsWith("/base/ob2/badge-classes/" + ID);
        assertThat(urls.ob2Issuer(ORG)).endsWith("/base/ob2/issuers/" + ORG);
        assertThat(urls.ob2Revocations(ORG)).endsWith("/base/ob2/issuers/" + ORG + "/revocations");
        assertThat(urls.ob2Key(ID)).endsWith("/base/ob2/keys/" + ID);
        assertThat(urls.ob3Issuer(ORG)).endsWith("/base/ob3/issuers/" + ORG);
        assertThat(urls.ob3Key(ORG, ID)).endsWith("/base/ob3/issuers/" + ORG + "/keys/" + ID);
        assertThat(urls.ob3Revocations(ORG)).endsWith("/base/ob3/issuers/" + ORG + "/revocations");
        assertThat(urls.ob3StatusList(ORG, 12)).endsWith("/base/ob3/issuers/" + ORG + "/status/12");
        assertThat(urls.ob3DidDocument(ORG)).endsWith("/base/ob3/issuers/" + ORG + "/did.json");
        assertThat(urls.ob3Achievement(ID)).endsWith("/base/ob3/achievements/" + ID);
        assertThat(urls.ob3Credential(ID)).endsWith("/base/ob3/credentials/" + ID);
        assertThat(urls.ob3Jwt(ID)).endsWith("/base/ob3/credentials/" + ID + "/jwt");
        assertThat(urls.ob3Baked(ID, "png")).endsWith("/base/ob3/credentials/" + ID + "/baked.png");
        assertThat(urls.organisationLogo(ORG)).endsWith("/base/organisations/" + ORG + "/logo");
        assertThat(urls.badgeImage(ID)).endsWith("/base/badge-classes/" + ID + "/image");
        assertThat(urls.didWeb(ORG)).isEqualTo("did:web:badges.example.org:base:ob3:issuers:" + ORG);
        assertThat(HostedUrls.PATHS.ob2Assertion(ID)).isEqualTo("/ob2/assertions/" + ID);
    }

    @Test
    void readsEveryBuiltAddressBackAsItsDocument() {
        for (HostedUrls.Document document : HostedUrls.Document.values()) {
            Object[] values = switch (document) {
                case OB3_KEY -> new Object[] {ORG, ID};
                case OB3_STATUS_LIST -> new Object[] {ORG, 3};
                case OB2_BAKED, OB3_BAKED -> new Object[] {ID, "png"};
                case PUBLIC_BADGE, PUBLIC_BADGE_DOCUMENT -> new Object[] {PUBLIC_ID};
                default -> new Object[] {ID};
            };
            String path = URI.create(urls.url(document, values)).getRawPath().substring("/base".length());

            assertThat(HostedUrls.parse(path)).as(path).hasValueSatisfying(match -> {
                assertThat(match.document()).isEqualTo(document);
                assertThat(match.values().values()).containsExactly(
                        java.util.Arrays.stream(values).map(String::valueOf).toArray(String[]::new));
            });
        }
    }

    @Test
    void givesTheTypedValuesOfAPath() {
        HostedUrls.Match key = HostedUrls.parse("/ob3/issuers/" + ORG + "/keys/" + ID).orElseThrow();
        HostedUrls.Match list = HostedUrls.parse("/ob3/issuers/" + ORG + "/status/123456789").orElseThrow();

        assertThat(key.id()).isEqualTo(ORG);
        assertThat(key.key()).isEqualTo(ID);
        assertThat(list.list()).isEqualTo(123_456_789);
        assertThat(HostedUrls.parse("/p/badges/" + PUBLIC_ID).orElseThrow().publicId()).isEqualTo(PUBLIC_ID);
        assertThat(urls.publicBadgeDocument(PUBLIC_ID)).endsWith("/base/p/badges/" + PUBLIC_ID + "/badge");
    }

    @Test
    void knowsNothingElse() {
        assertThat(HostedUrls.parse("/ob2/assertions/not-a-uuid")).isEmpty();
        assertThat(HostedUrls.parse("/ob2/assertions/1-2-3-4-5")).isEmpty();
        assertThat(HostedUrls.parse("/ob2/assertions/" + ID + "/")).isEmpty();
        assertThat(HostedUrls.parse("/ob3/issuers/" + ORG + "/status/1234567890")).isEmpty();
        assertThat(HostedUrls.parse("/ob3/issuers/" + ORG + "/did.jsonx")).isEmpty();
        assertThat(HostedUrls.parse("/p/badges/" + ID)).isEmpty();
        assertThat(HostedUrls.parse("/p/badges/" + PUBLIC_ID + "x")).isEmpty();
        assertThat(HostedUrls.parse("/p/badges/" + PUBLIC_ID + "/image")).isEmpty();
        assertThat(HostedUrls.parse("")).isEmpty();
    }
}
