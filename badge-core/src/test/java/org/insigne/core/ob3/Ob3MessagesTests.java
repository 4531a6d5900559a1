package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.insigne.core.did.KeyNotResolved;
import org.insigne.core.jsonld.JsonLdRejected;
import org.insigne.core.signing.VcJwtRejected;
import org.insigne.core.verification.CheckMessages;
import org.junit.jupiter.api.Test;

/** Every message key the OB 3.0, JSON-LD, DID and VC-JWT code uses exists in French and in English. */
class Ob3MessagesTests {

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Ob3MessagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("/org/insigne/core/ob3/messages.properties").stringPropertyNames())
                .isEqualTo(load("/org/insigne/core/ob3/messages_en.properties").stringPropertyNames());
    }

    @Test
    void everyKeyResolvesInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern literal = Pattern.compile("\"((?:ob3|jsonld|did|vcjwt|json)\\.[a-z0-9.-]+[a-z0-9])\"");
        for (String dir : List.of("ob3", "jsonld", "did", "signing")) {
            try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/insigne/core", dir))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher matcher = literal.matcher(Files.readString(source));
                    while (matcher.find()) {
                        keys.add(matcher.group(1));
                    }
                }
            }
        }
        for (JsonLdRejected.Reason reason : JsonLdRejected.Reason.values()) {
            keys.add(new JsonLdRejected(reason, "x").messageKey());
        }
        for (KeyNotResolved.Reason reason : KeyNotResolved.Reason.values()) {
            keys.add(new KeyNotResolved(reason, "x").messageKey());
        }
        for (VcJwtRejected.Reason reason : VcJwtRejected.Reason.values()) {
            keys.add(new VcJwtRejected(reason, "x").messageKey());
        }
        assertThat(keys).hasSizeGreaterThan(50);
        for (String key : keys) {
            for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
                assertThat(CheckMessages.render(key, List.of("x", "y", "z"), locale))
                        .as(key + " in " + locale).isNotEqualTo(key).doesNotContain("{");
            }
        }
    }
}
