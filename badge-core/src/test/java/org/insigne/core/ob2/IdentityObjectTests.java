package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class IdentityObjectTests {

    private static IdentityObject identity(String type, String identity, boolean hashed, String salt) {
        ObjectNode json = Ob2Fixture.object();
        return new IdentityObject(type, identity, hashed, salt, json);
    }

    @Test
    void matchesTheSpecExampleHashWithoutSalt() {
        IdentityObject hashed = identity("email",
                "sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6", true, null);

        assertThat(hashed.matches("mayze")).isTrue();
        assertThat(hashed.matches("mayzee")).isFalse();
    }

    @Test
    void comparesHexDigestsCaseInsensitively() {
        IdentityObject upper = identity("email",
                "SHA256$7A1A1B3F7D40552E4299180E346E3ADD12BF9A751A43D9C4CA4518FEBC2C60C6", true, null);

        assertThat(upper.matches("mayze")).isTrue();
    }

    @Test
    void matchesMd5WithSaltAppended() {
        IdentityObject md5 = identity("email", "md5$b244d0183ccb627c1d62f101e69202ec", true, "deadsea");

        assertThat(md5.matches(" Someone@Example.org ")).isTrue();
        assertThat(md5.matches("someone@example.com")).isFalse();
    }

    @Test
    void alsoTriesAnEmailHashedAsTypedByAnotherPlatform() {
        IdentityObject asTyped = identity("email",
                "sha256$78d082547022e4c089470ca48e0a78db1a0112d53683ea02802de5cc3f620440", true, "abc");

        assertThat(asTyped.matches("Someone@Example.org")).isTrue();
    }

    @Test
    void matchesTheConformanceSampleRecipient() {
        IdentityObject sample = identity("email",
                "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942", true, "deadsea");

        assertThat(sample.matches("nobody@example.org")).isTrue();
        assertThat(sample.matches("somebody@example.org")).isFalse();
    }

    @Test
    @HostileInput("A5")
    void hashesIssuedEmailsWithAFreshSaltOfSixteenBytes() {
        IdentityObject first = IdentityObject.hashedEmail(" Ada.Lovelace@Example.org");
        IdentityObject second = IdentityObject.hashedEmail("ada.lovelace@example.org");

        assertThat(first.hashed()).isTrue();
        assertThat(first.identity()).matches("sha256\\$[0-9a-f]{64}");
        assertThat(first.salt()).matches("[0-9a-f]{32}");
        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.matches("ADA.LOVELACE@example.org")).isTrue();
        assertThat(second.matches("ada.lovelace@example.org")).isTrue();
        assertThat(first.json().get("identity").stringValue()).isEqualTo(first.identity());
    }

    @Test
    void comparesPlainIdentitiesByType() {
        assertThat(IdentityObject.plain("email", "Ada@Example.org").matches("ada@example.org")).isTrue();
        assertThat(IdentityObject.plain("url", "https://ada.example/").matches(" https://ada.example/ ")).isTrue();
        assertThat(IdentityObject.plain("url", "https://ada.example/").matches("https://ADA.example/")).isFalse();
        assertThat(IdentityObject.plain("telephone", "+33123456789").matches("+33123456789")).isTrue();
        assertThat(IdentityObject.plain("telephone", "+33123456789").matches("")).isFalse();
    }

    @Test
    void refusesUnknownHashAlgorithms() {
        assertThat(identity("email", "sha1$abcdef", true, null).matches("mayze")).isFalse();
        assertThat(identity("email", "no-dollar", true, null).matches("no-dollar")).isFalse();
    }
}
