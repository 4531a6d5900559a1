package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.insigne.core.signing.JwsRejected;
import org.insigne.core.verification.CheckMessages;
import org.junit.jupiter.api.Test;

/** Every message key the OB 2.0 code uses exists in French and in English, with the same keys in both. */
class Ob2MessagesTests {

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Ob2MessagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("/org/insigne/core/ob2/messages.properties").stringPropertyNames())
                .isEqualTo(load("/org/insigne/core/ob2/messages_en.properties").stringPropertyNames());
    }

    @Test
    void everyKeyInTheSourcesResolvesInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern literal = Pattern.compile("\"((?:ob2|signing|input|ob3)\\.[a-z0-9.-]+[a-z0-9])\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/insigne/core"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(source));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        for (JwsRejected.Reason reason : JwsRejected.Reason.values()) {
            keys.add(new JwsRejected(reason).messageKey());
        }
        for (String type : new String[] {"text", "text-list", "boolean", "datetime", "image", "iri-or-object", "object"}) {
            keys.add("ob2.read.wrong-type." + type);
        }
        Set<String> checkIds = Set.of("ob2.parse", "ob2.structure", "ob2.context", "ob2.document-kind",
                "ob2.badge-class", "ob2.badge-image", "ob2.issuer", "ob2.issuer-details", "ob2.hosted-copy",
                "ob2.hosted-scope", "ob2.signature", "ob2.expiry", "ob2.revocation", "ob2.recipient",
                "ob2.endorsements", "input.parse", "input.fetch", "input.image");
        keys.removeAll(checkIds);
        assertThat(keys).hasSizeGreaterThan(60);
        for (String key : keys) {
            for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
                assertThat(CheckMessages.render(key, java.util.List.of("x", "y", "z"), locale))
                        .as(key + " in " + locale).isNotEqualTo(key).doesNotContain("{");
            }
        }
    }
}
