package org.insigne.web.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text users read comes from the message bundles, in both languages: a key present in one language
 * only, a key a template uses that no bundle has, or literal text in a template fails here.
 */
class I18nPropertiesSyncTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-_]+)");
    /** An element whose direct text holds a letter, with no th:text/th:utext to replace it. */
    private static final Pattern LITERAL_TEXT = Pattern.compile("<(\\w+)((?:(?!th:u?text)[^>])*)>([^<>]*\\p{L}[^<>]*)</\\1>");

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        Properties french = load("/messages.properties");
        Properties english = load("/messages_en.properties");
        assertThat(new TreeSet<>(english.stringPropertyNames()))
                .as("keys of messages_en.properties").isEqualTo(new TreeSet<>(french.stringPropertyNames()));
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> known = load("/messages.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = MESSAGE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = LITERAL_TEXT.matcher(Files.readString(template));
            while (m.find()) {
                literal.add(TEMPLATES.relativize(template) + ": " + m.group());
            }
        }
        assertThat(literal).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = I18nPropertiesSyncTests.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
