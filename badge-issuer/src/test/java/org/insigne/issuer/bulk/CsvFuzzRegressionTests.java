package org.insigne.issuer.bulk;

import java.nio.file.Path;
import java.util.List;

import org.insigne.testing.FuzzReplay;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV fuzz target on its seeds, the inputs the fuzzer found, and their mutations. */
class CsvFuzzRegressionTests {

    @Test
    void everyKnownFileAndItsMutationsAreReadOrRefusedWithAMessage() {
        List<Path> inputs = FuzzReplay.files(Path.of("src/test/resources/fuzz/csv"));
        assertThat(inputs).isNotEmpty();

        assertThat(FuzzReplay.replay(inputs, CsvFuzzTarget::fuzzerTestOneInput)).isGreaterThan(inputs.size() * 100);
    }
}
