package org.insigne.web.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.insigne.testing.SharedConformance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of {@code shared/HOSTILE-INPUTS.md} is played by at least one test of some module, which names the
 * row with {@code org.insigne.testing.HostileInput}; a row nobody names, or a test naming a row the catalogue
 * does not have, fails here.
 */
class HostileInputCatalogueTests {

    private static final List<String> MODULES = List.of("badge-core", "badge-issuer", "badge-backpack", "badge-web");
    /** A table row of the catalogue: its id is the first cell. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([A-Z][0-9]+)\\s*\\|", Pattern.MULTILINE);
    /** The annotation with one id or an array of ids. */
    private static final Pattern ANNOTATION = Pattern.compile("@HostileInput\\(\\s*(\\{[^}]*}|\"[^\"]*\")\\s*\\)");
    private static final Pattern ID = Pattern.compile("\"([^\"]*)\"");

    @Test
    void everyRowOfTheCatalogueHasATestThatNamesIt() {
        Set<String> rows = rows();
        Set<String> named = namedInTests();

        assertThat(rows).as("rows read from the catalogue").hasSizeGreaterThanOrEqualTo(30).contains("F1", "S14", "R1", "A7");
        Set<String> untested = new TreeSet<>(rows);
        untested.removeAll(named);
        assertThat(untested).as("rows of HOSTILE-INPUTS.md that no test names with @HostileInput").isEmpty();
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(rows);
        assertThat(unknown).as("ids named with @HostileInput that HOSTILE-INPUTS.md does not have").isEmpty();
    }

    private static Set<String> rows() {
        Matcher row = ROW.matcher(read(SharedConformance.requireShared("HOSTILE-INPUTS.md")));
        Set<String> ids = new LinkedHashSet<>();
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }

    private static Set<String> namedInTests() {
        Path root = repositoryRoot();
        Set<String> ids = new TreeSet<>();
        for (String module : MODULES) {
            Path tests = root.resolve(module).resolve("src/test/java");
            assertThat(tests).as("test sources of " + module).isDirectory();
            try (Stream<Path> files = Files.walk(tests)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                    Matcher annotation = ANNOTATION.matcher(read(file));
                    while (annotation.find()) {
                        Matcher id = ID.matcher(annotation.group(1));
                        while (id.find()) {
                            ids.add(id.group(1));
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }

    /** Surefire runs in the module's folder; an IDE may run in the clone's. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("badge-core")) ? here : here.getParent();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
