package org.insigne.issuer.bulk;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTests {

    @Test
    void readsUtf8WithCommasAndDropsTheByteOrderMark() {
        CsvTable table = CsvReader.read(("\uFEFFemail,nom,niveau\r\nzoé@example.org,Zoé Hervé,Je fais\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(table.encoding()).isEqualTo("UTF-8");
        assertThat(table.delimiter()).isEqualTo(',');
        assertThat(table.header()).containsExactly("email", "nom", "niveau");
        assertThat(table.records()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.cells()).containsExactly("zoé@example.org", "Zoé Hervé", "Je fais");
        });
    }

    @Test
    void fallsBackToWindows1252WhenTheBytesAreNotUtf8() {
        byte[] bytes = "courriel;nom;niveau\nlea@example.org;Léa Noël;Je fais\n".getBytes(Charset.forName("windows-1252"));
        CsvTable table = CsvReader.read(bytes);
        assertThat(table.encoding()).isEqualTo("windows-1252");
        assertThat(table.delimiter()).isEqualTo(';');
        assertThat(table.records().get(0).cells()).containsExactly("lea@example.org", "Léa Noël", "Je fais");
    }

    @Test
    void readsQuotedFieldsWithDelimitersLineBreaksAndQuotes() {
        String csv = "email;nom;récit\n"
                + "a@example.org;\"Martin; Camille\";\"Première ligne\r\nseconde \"\"citée\"\"\"\n"
                + "b@example.org;Bob;\n";
        CsvTable table = CsvReader.read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(table.records()).hasSize(2);
        assertThat(table.records().get(0).cells())
                .containsExactly("a@example.org", "Martin; Camille", "Première ligne\r\nseconde \"citée\"");
        assertThat(table.records().get(1).line()).isEqualTo(4);
        assertThat(table.records().get(1).cells()).containsExactly("b@example.org", "Bob", "");
    }

    @Test
    void ignoresEmptyLinesAndReadsALastLineWithoutLineBreak() {
        CsvTable table = CsvReader.read("email,nom\n\n,\r\na@example.org,A\n   \nb@example.org,B".getBytes(StandardCharsets.UTF_8));
        assertThat(table.records()).extracting(CsvTable.Record::line).containsExactly(4, 6);
    }

    @Test
    void choosesTheDelimiterTheHeaderUsesOutsideQuotes() {
        assertThat(CsvReader.delimiter("\"a,b,c\";d;e\nx,y,z,w")).isEqualTo(';');
        assertThat(CsvReader.delimiter("a,b;c,d")).isEqualTo(',');
        assertThat(CsvReader.delimiter("email")).isEqualTo(',');
    }

    @Test
    void refusesBrokenQuotingWithTheLine() {
        assertThatThrownBy(() -> CsvReader.read("email,nom\na@example.org,\"Camille\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CsvRejected.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.bulk.csv.unclosed-quote");
                    assertThat(e.args()).containsExactly(2);
                });
        assertThatThrownBy(() -> CsvReader.read("email,nom\na@example.org,\"Cam\"ille\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CsvRejected.class, e -> assertThat(e.messageKey()).isEqualTo("error.bulk.csv.stray-quote"));
    }

    @Test
    void namesTheLineOfBrokenQuotingAfterQuotedLineBreaksAndPastAThousandLines() {
        String multiLine = "email;nom;récit\na@example.org;A;\"un\ndeux\ntrois\"\nb@example.org;\"B\"x;\n";
        assertThatThrownBy(() -> CsvReader.read(multiLine.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CsvRejected.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.bulk.csv.stray-quote");
                    assertThat(e.args()).containsExactly(5);
                });
        StringBuilder many = new StringBuilder("email,nom\n");
        for (int i = 2; i < 1500; i++) {
            many.append("p").append(i).append("@example.org,P\n");
        }
        many.append("z@example.org,\"Zoé\n\n");
        assertThatThrownBy(() -> CsvReader.read(many.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CsvRejected.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.bulk.csv.unclosed-quote");
                    assertThat(e.args()).containsExactly(1500);
                });
    }

    @Test
    void namesTheLineOfARecordWithTooManyColumnsAfterAQuotedLineBreak() {
        String csv = "email,nom\na@example.org,\"A\nB\"\n" + "x,".repeat(CsvReader.MAX_COLUMNS) + "x\n";
        assertThatThrownBy(() -> CsvReader.read(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CsvRejected.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.bulk.csv.too-many-columns");
                    assertThat(e.args()).containsExactly(4, CsvReader.MAX_COLUMNS);
                });
    }

    @Test
    void refusesBinaryEmptyUndecodableAndOversizedFiles() {
        assertThatThrownBy(() -> CsvReader.read(new byte[] {'P', 'K', 3, 4, 0, 0}))
                .hasMessage("error.bulk.csv.binary");
        assertThatThrownBy(() -> CsvReader.read("\n\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("error.bulk.csv.empty");
        // 0x81 is neither UTF-8 nor a Windows-1252 character.
        assertThatThrownBy(() -> CsvReader.read(new byte[] {'e', 'm', 'a', 'i', 'l', '\n', (byte) 0x81}))
                .hasMessage("error.bulk.csv.encoding");
        assertThatThrownBy(() -> CsvReader.read(new byte[CsvReader.MAX_BYTES + 1]))
                .hasMessage("error.bulk.csv.too-large");
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i <= CsvReader.MAX_RECORDS; i++) {
            csv.append('a').append(i).append("@example.org\n");
        }
        assertThatThrownBy(() -> CsvReader.read(csv.toString().getBytes(StandardCharsets.UTF_8)))
                .hasMessage("error.bulk.csv.too-many-rows");
        String atLimit = csv.substring(0, csv.lastIndexOf("a" + CsvReader.MAX_RECORDS + "@"));
        assertThat(CsvReader.read(atLimit.getBytes(StandardCharsets.UTF_8)).records()).hasSize(CsvReader.MAX_RECORDS);
    }

    @Test
    void recognisesColumnsInFrenchOrEnglishWhateverTheirSpelling() {
        assertThat(BulkColumn.positions(List.of("E-mail", "Récit", "NOM", "Niveau", "Date d'émission", "remarque")))
                .containsEntry(BulkColumn.EMAIL, 0).containsEntry(BulkColumn.NARRATIVE, 1)
                .containsEntry(BulkColumn.NAME, 2).containsEntry(BulkColumn.LEVEL, 3).containsEntry(BulkColumn.DATE, 4)
                .hasSize(5);
        assertThatThrownBy(() -> BulkColumn.positions(List.of("email", "name")))
                .isInstanceOfSatisfying(CsvRejected.class, e -> assertThat(e.args()).containsExactly("niveau / level"));
        assertThatThrownBy(() -> BulkColumn.positions(List.of("email", "courriel", "nom", "niveau")))
                .hasMessage("error.bulk.csv.duplicate-column");
    }
}
