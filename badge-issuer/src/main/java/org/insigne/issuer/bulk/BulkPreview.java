package org.insigne.issuer.bulk;

import java.util.List;

import org.insigne.issuer.badgeclass.BadgeClassView;

/**
 * An uploaded file as the issuer reviews it before anything is issued: every row with its errors, the
 * columns that were not recognised (and so are ignored), how the file was read.
 */
public record BulkPreview(BulkJobId id, BadgeClassView badgeClass, String fileName, String encoding,
                          String delimiter, List<String> ignoredColumns, List<BulkRow> rows) {

    public BulkPreview {
        ignoredColumns = List.copyOf(ignoredColumns);
        rows = List.copyOf(rows);
    }

    public long validCount() {
        return rows.stream().filter(BulkRow::valid).count();
    }

    public long errorCount() {
        return rows.size() - validCount();
    }
}
