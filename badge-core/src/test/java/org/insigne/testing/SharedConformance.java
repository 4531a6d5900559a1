package org.insigne.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The samples other tools produced, read from {@code shared/conformance} beside the clone (Surefire passes
 * {@code insigne.shared.dir}). A clone without them skips the tests that need them and says why; continuous
 * integration ({@code CI=true}) fails them instead, so that a missing folder cannot pass for a green run.
 */
public final class SharedConformance {

    private SharedConformance() {
    }

    /** The conformance folder, present or not. */
    public static Path dir() {
        // Without Surefire the working directory is the module's, and shared/ sits beside the clone.
        return Path.of(System.getProperty("insigne.shared.dir", "../../shared"), "conformance");
    }

    /** The conformance folder with its {@code MANIFEST.tsv}; the test stops when it is absent. */
    public static Path corpus() {
        return require("MANIFEST.tsv").getParent();
    }

    /** A file or folder inside the conformance folder; the test stops when it is absent. */
    public static Path require(String relative) {
        return require(System.getenv("CI"), dir().resolve(relative));
    }

    /**
     * A file of {@code shared} itself, beside the conformance folder (the hostile-input catalogue, say); the test
     * stops when it is absent, as for {@link #require(String)}.
     */
    public static Path requireShared(String relative) {
        return require(System.getenv("CI"), dir().resolveSibling(relative));
    }

    /**
     * {@code path} when it exists; otherwise a failure when {@code ci} (the {@code CI} variable) is
     * {@code true}, else a skip, each saying which path is missing.
     */
    static Path require(@Nullable String ci, Path path) {
        if (Files.exists(path)) {
            return path;
        }
        if ("true".equalsIgnoreCase(ci)) {
            return Assertions.fail("CI=true and the conformance samples are missing: " + path.toAbsolutePath()
                    + " does not exist (shared/conformance must sit beside the clone)");
        }
        Assumptions.abort("conformance samples not beside this clone, test skipped: " + path.toAbsolutePath()
                + " does not exist");
        return path;
    }
}
