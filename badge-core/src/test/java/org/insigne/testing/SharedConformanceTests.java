package org.insigne.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedConformanceTests {

    @TempDir
    Path shared;

    @Test
    void givesThePathWhenItExistsInCiOrNot() throws IOException {
        Path manifest = Files.writeString(shared.resolve("MANIFEST.tsv"), "path\n");

        assertThat(SharedConformance.require("true", manifest)).isEqualTo(manifest);
        assertThat(SharedConformance.require(null, manifest)).isEqualTo(manifest);
    }

    @Test
    void failsWhenThePathIsMissingInCi() {
        Path missing = shared.resolve("conformance/MANIFEST.tsv");

        assertThatThrownBy(() -> SharedConformance.require("true", missing))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true").hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> SharedConformance.require("TRUE", missing))
                .isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void skipsSayingWhyWhenThePathIsMissingOutsideCi() {
        Path missing = shared.resolve("conformance/MANIFEST.tsv");

        for (String ci : new String[] {null, "", "false", "1"}) {
            assertThatThrownBy(() -> SharedConformance.require(ci, missing))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("skipped").hasMessageContaining(missing.toString());
        }
    }
}
