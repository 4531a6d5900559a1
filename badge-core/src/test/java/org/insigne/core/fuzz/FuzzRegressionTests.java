package org.insigne.core.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.insigne.core.signing.CborFuzzTarget;
import org.insigne.testing.FuzzReplay;
import org.insigne.testing.SharedConformance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz targets on their seeds, on every input the fuzzer has found failing (kept in the same folders), on
 * the third-party samples of the shared conformance folder, and on fixed mutations of all of them: no
 * exception but each parser's declared rejection. {@code fuzz/run.sh} is the coverage-guided run.
 */
class FuzzRegressionTests {

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of("unbake", (Consumer<byte[]>) FuzzTargets.Unbake::fuzzerTestOneInput, true),
                Arguments.of("json", (Consumer<byte[]>) FuzzTargets.Json::fuzzerTestOneInput, true),
                Arguments.of("jsonld", (Consumer<byte[]>) FuzzTargets.JsonLd::fuzzerTestOneInput, false),
                Arguments.of("jws", (Consumer<byte[]>) FuzzTargets.Jws::fuzzerTestOneInput, false),
                Arguments.of("status-list", (Consumer<byte[]>) FuzzTargets.StatusList::fuzzerTestOneInput, false),
                Arguments.of("cbor", (Consumer<byte[]>) CborFuzzTarget::fuzzerTestOneInput, false),
                Arguments.of("verify", (Consumer<byte[]>) FuzzTargets.Verify::fuzzerTestOneInput, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyKnownInputAndItsMutationsEndInAResultOrADeclaredRejection(String corpus, Consumer<byte[]> target,
                                                                        boolean withConformanceSamples) {
        List<Path> inputs = new ArrayList<>(FuzzReplay.files(Path.of("src/test/resources/fuzz", corpus)));
        assertThat(inputs).as("seeds of %s", corpus).isNotEmpty();
        if (withConformanceSamples && Files.isDirectory(SharedConformance.dir())) {
            // Real badges from other tools: the shapes a parser meets most, read from the shared folder.
            FuzzReplay.files(SharedConformance.dir()).stream()
                    .filter(p -> !p.getFileName().toString().endsWith(".tsv")
                            && !p.getFileName().toString().endsWith(".md"))
                    .limit(20).forEach(inputs::add);
        }
        int runs = FuzzReplay.replay(inputs, target);

        assertThat(runs).isGreaterThan(inputs.size() * 100);
    }
}
