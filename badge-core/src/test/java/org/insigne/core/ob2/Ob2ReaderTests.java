package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.Test;

class Ob2ReaderTests {

    private static final String BASE = """
            {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://i.example/a/1",
             "recipient":{"type":"email","hashed":false,"identity":"ada@example.org"},
             "badge":"https://i.example/b/1","verification":{"type":"hosted"},
             "issuedOn":"2024-03-01T10:00:00+01:00"%s}""";

    private static Assertion read(String extra) throws Ob2ParseFailed {
        return Ob2Reader.readAssertion(String.format(BASE, extra).getBytes(StandardCharsets.UTF_8));
    }

    private static Ob2ParseFailed failure(String json) {
        try {
            Ob2Reader.readAssertion(json.getBytes(StandardCharsets.UTF_8));
        } catch (Ob2ParseFailed failed) {
            return failed;
        }
        throw new AssertionError("expected a failure for " + json);
    }

    @Test
    void readsTheTypedFieldsAndKeepsExtensions() throws Exception {
        Assertion assertion = read(",\"extensions:applyLink\":{\"url\":\"https://x.example\"}");

        assertThat(assertion.id()).hasToString("https://i.example/a/1");
        assertThat(assertion.badge().id()).hasToString("https://i.example/b/1");
        assertThat(assertion.badge().isEmbedded()).isFalse();
        assertThat(assertion.verification().kind()).isEqualTo(VerificationObject.Kind.HOSTED);
        assertThat(assertion.issuedOn()).hasToString("2024-03-01T09:00:00Z");
        assertThat(assertion.json().get("extensions:applyLink").get("url").stringValue()).isEqualTo("https://x.example");
    }

    @Test
    void tellsMissingNullAndWrongTypeApart() {
        Ob2ParseFailed missing = failure(String.format(BASE, "").replace("\"issuedOn\":\"2024-03-01T10:00:00+01:00\"",
                "\"narrative\":\"x\""));
        Ob2ParseFailed isNull = failure(String.format(BASE, "").replace("\"2024-03-01T10:00:00+01:00\"", "null"));
        Ob2ParseFailed wrongType = failure(String.format(BASE, "").replace("\"2024-03-01T10:00:00+01:00\"", "42"));

        assertThat(missing.problem()).isEqualTo(Ob2ParseFailed.Problem.MISSING);
        assertThat(missing.property()).isEqualTo("issuedOn");
        assertThat(missing.messageKey()).isEqualTo("ob2.read.missing");
        assertThat(isNull.problem()).isEqualTo(Ob2ParseFailed.Problem.NULL);
        assertThat(wrongType.problem()).isEqualTo(Ob2ParseFailed.Problem.WRONG_TYPE);
        assertThat(wrongType.messageKey()).isEqualTo("ob2.read.wrong-type.datetime");
    }

    @Test
    void refusesDatesWithoutTimeZone() {
        Ob2ParseFailed failed = failure(String.format(BASE, "").replace("2024-03-01T10:00:00+01:00",
                "2024-03-01T10:00:00"));

        assertThat(failed.messageKey()).isEqualTo("ob2.read.datetime-without-timezone");
        assertThat(failed.property()).isEqualTo("issuedOn");
    }

    @Test
    void namesNestedPropertiesInErrors() {
        Ob2ParseFailed failed = failure(String.format(BASE, "").replace("\"badge\":\"https://i.example/b/1\"",
                "\"badge\":{\"type\":\"BadgeClass\",\"id\":\"https://i.example/b/1\",\"name\":\"B\","
                        + "\"criteria\":\"https://i.example/c\",\"issuer\":\"https://i.example/i\"}"));

        assertThat(failed.property()).isEqualTo("badge.description");
    }

    @Test
    void acceptsAliasesAndEmbeddedDocuments() throws Exception {
        String json = """
                {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:uuid:1",
                 "recipient":{"type":"email","identity":"sha256$abc","salt":"s"},
                 "badge":{"type":"BadgeClass","id":"https://i.example/b/1","name":"B","description":"D",
                   "image":{"id":"https://i.example/b.png","caption":"C"},"criteria":{"narrative":"Do it"},
                   "tags":"solo","alignment":{"targetName":"T","targetUrl":"https://t.example"},
                   "issuer":{"type":"Profile","id":"https://i.example/i","name":"I","publicKey":"https://i.example/k"}},
                 "verify":{"type":"signed","creator":"https://i.example/k"},
                 "evidence":["https://e.example/1",{"narrative":"N"}],
                 "issuedOn":"2024-03-01T10:00Z"}""";

        Assertion assertion = Ob2Reader.readAssertion(json.getBytes(StandardCharsets.UTF_8));

        assertThat(assertion.isSigned()).isTrue();
        assertThat(assertion.recipient().hashed()).isTrue();
        BadgeClass badge = assertion.badge().embedded();
        assertThat(badge).isNotNull();
        assertThat(badge.tags()).containsExactly("solo");
        assertThat(badge.image().caption()).isEqualTo("C");
        assertThat(badge.alignments()).hasSize(1);
        assertThat(badge.issuer().embedded().publicKeys()).hasSize(1);
        assertThat(assertion.evidence()).extracting(Evidence::id).containsExactly("https://e.example/1", null);
    }

    @Test
    void mapsOneDotXHostedAssertions() throws Exception {
        String json = """
                {"uid":"abc123","recipient":"sha256$deadbeef","salt":"pepper",
                 "badge":"https://old.example/badge.json",
                 "verify":{"type":"hosted","url":"https://old.example/assertion.json"},
                 "issuedOn":"2014-05-01T00:00:00Z"}""";

        Assertion assertion = Ob2Reader.readAssertion(json.getBytes(StandardCharsets.UTF_8));

        assertThat(assertion.id()).hasToString("https://old.example/assertion.json");
        assertThat(assertion.uid()).isEqualTo("abc123");
        assertThat(assertion.recipient().salt()).isEqualTo("pepper");
        assertThat(assertion.recipient().hashed()).isTrue();
    }

    @Test
    void readsRevocationListEntriesAsStringsOrObjects() throws Exception {
        RevocationList list = Ob2Reader.readRevocationList(Ob2Json.parse("""
                {"type":"RevocationList","revokedAssertions":["urn:uuid:1",
                  {"id":"urn:uuid:2","revocationReason":"Fraude"},{"uid":"old-7"}]}"""));

        assertThat(list.find("urn:uuid:1", null)).hasValueSatisfying(e -> assertThat(e.revocationReason()).isNull());
        assertThat(list.find("urn:uuid:2", null)).hasValueSatisfying(
                e -> assertThat(e.revocationReason()).isEqualTo("Fraude"));
        assertThat(list.find("https://x.example/7", "old-7")).isPresent();
        assertThat(list.find("urn:uuid:3", null)).isEmpty();
    }

    @Test
    void writesStrictCompactedJsonLdInAStableOrder() throws Exception {
        String messy = """
                {"zeta":1,"issuedOn":"2024-03-01T10:00:00Z","verify":{"type":"hosted"},"badge":"https://i.example/b",
                 "recipient":{"identity":"a@b.c","type":"email","hashed":false},"type":"Assertion",
                 "id":"https://i.example/a","@context":"https://openbadgespec.org/v2/context.json","alpha":2}""";

        byte[] written = Ob2Writer.write(Ob2Reader.readAssertion(messy.getBytes(StandardCharsets.UTF_8)));

        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(
                "{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":\"https://i.example/a\",\"type\":\"Assertion\","
                        + "\"recipient\":{\"type\":\"email\",\"identity\":\"a@b.c\",\"hashed\":false},"
                        + "\"badge\":\"https://i.example/b\",\"verification\":{\"type\":\"HostedBadge\"},"
                        + "\"issuedOn\":\"2024-03-01T10:00:00Z\",\"alpha\":2,\"zeta\":1}");
        assertThat(Ob2Writer.write(Ob2Reader.readAssertion(written))).isEqualTo(written);
    }

    @Test
    @HostileInput("S4")
    void refusesOversizedAndDeepDocumentsWithClearProblems() {
        assertThatThrownBy(() -> Ob2Json.parse("[".repeat(100) + "]".repeat(100)))
                .isInstanceOfSatisfying(Ob2ParseFailed.class,
                        f -> assertThat(f.problem()).isEqualTo(Ob2ParseFailed.Problem.TOO_DEEP));
        assertThatThrownBy(() -> Ob2Json.parse(new byte[Ob2Json.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(Ob2ParseFailed.class,
                        f -> assertThat(f.problem()).isEqualTo(Ob2ParseFailed.Problem.TOO_LARGE));
    }

    @Test
    @HostileInput("F7")
    void recognisesTheInlineOb2ContextButNoOtherInlineContext() throws Exception {
        assertThat(Ob2Contexts.of(Ob2Json.parse("{\"@context\":\"https://w3id.org/openbadges/v2\"}")))
                .isEqualTo(Ob2Contexts.Status.OB2);
        assertThat(Ob2Contexts.of(Ob2Json.parse("{\"@context\":{\"name\":\"http://evil.example/name\"}}")))
                .isEqualTo(Ob2Contexts.Status.UNSUPPORTED);
        assertThat(Ob2Contexts.of(Ob2Json.parse("{\"@context\":[\"https://w3id.org/openbadges/v2\","
                + "\"file:///etc/passwd\"]}"))).isEqualTo(Ob2Contexts.Status.UNSUPPORTED);
        assertThat(Ob2Contexts.of(Ob2Json.parse("{\"@context\":[\"https://w3id.org/openbadges/v2\","
                + "\"https://w3id.org/openbadges/extensions/exampleExtension/context.json\"]}")))
                .isEqualTo(Ob2Contexts.Status.OB2);
    }

    @Test
    void readsDateTimesInEveryIsoShapeWithATimeZone() throws Exception {
        String[][] cases = {
                {"2016-12-31T23:59:59Z", "2016-12-31T23:59:59Z"},
                {"2017-10-01T00:00Z", "2017-10-01T00:00:00Z"},
                {"2024-03-01T10:00:00+01:00", "2024-03-01T09:00:00Z"},
                {"2024-03-01T10:00:00.5-02:30", "2024-03-01T12:30:00.500Z"},
                {"2024-03-01T10:00:00.123456789Z", "2024-03-01T10:00:00.123456789Z"},
                {"2024-03-01T10:00:00+0100", "2024-03-01T09:00:00Z"}};
        for (String[] c : cases) {
            assertThat(Fields.dateTime(c[0], "issuedOn")).as(c[0]).hasToString(c[1]);
        }
        for (String bad : new String[] {"2024-02-30T10:00:00Z", "2024-03-01T25:00:00Z", "2024-03-01", "yesterday"}) {
            assertThatThrownBy(() -> Fields.dateTime(bad, "issuedOn")).as(bad).isInstanceOf(Ob2ParseFailed.class);
        }
    }
}
