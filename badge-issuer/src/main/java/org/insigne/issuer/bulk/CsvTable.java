package org.insigne.issuer.bulk;

import java.util.List;

/**
 * A CSV file read: its header cells and its records, each with the line it starts on (the header is line 1).
 * Empty lines are not records.
 */
public record CsvTable(List<String> header, List<Record> records, char delimiter, String encoding) {

    public CsvTable {
        header = List.copyOf(header);
        records = List.copyOf(records);
    }

    /** One record: the line of the file it starts on, and its cells. */
    public record Record(int line, List<String> cells) {
        public Record {
            cells = List.copyOf(cells);
        }
    }
}
