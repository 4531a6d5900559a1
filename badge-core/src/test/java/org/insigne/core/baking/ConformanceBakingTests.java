package org.insigne.core.baking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.insigne.testing.SharedConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Baked images of the shared conformance corpus (MANIFEST.tsv rows of form png or svg) unbake to the kind the
 * manifest names. Rows marked "support:" are plain badge images served by test harnesses: they carry no badge.
 */
class ConformanceBakingTests {

    private final Baker baker = new Baker(BakingLimits.defaults());

    @TestFactory
    Stream<DynamicTest> unbakesEveryBakedConformanceImage() throws IOException {
        Path conformance = SharedConformance.corpus();
        Path manifest = conformance.resolve("MANIFEST.tsv");

        List<String[]> rows = Files.readAllLines(manifest).stream().skip(1).map(line -> line.split("\t"))
                .filter(row -> row.length >= 5 && (row[2].equals("png") || row[2].equals("svg"))).toList();
        assertThat(rows).isNotEmpty();
        return rows.stream().map(row -> DynamicTest.dynamicTest(row[0], () -> {
            byte[] image = Files.readAllBytes(conformance.resolve(row[0]));
            assertThat(ImageFormat.sniff(image)).contains(row[2].equals("png") ? ImageFormat.PNG : ImageFormat.SVG);
            if (row[4].startsWith("support:")) {
                PngBakingTests.assertFails(() -> baker.unbake(image), BakingFailed.Reason.NO_BADGE);
                return;
            }
            BakedPayload payload = baker.unbake(image);
            assertThat(payload.kind()).isEqualTo(row[1].equals("ob3") ? PayloadKind.OB3_CREDENTIAL
                    : PayloadKind.OB2_ASSERTION);
            assertThat(payload.text()).isNotBlank();
            // Re-baking the same payload gives an image that reads back the same.
            assertThat(baker.unbake(baker.bake(image, payload))).isEqualTo(payload);
        }));
    }
}
