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

    /**
     * Page {@code number} (from 1, kept within range) of {@code size} rows, of all rows or of the rows with
     * errors only, in file order: every row can be reviewed without one page holding thousands.
     */
    public Page page(int number, int size, boolean errorsOnly) {
        List<BulkRow> shown = errorsOnly ? rows.stream().filter(r -> !r.valid()).toList() : rows;
        int pages = Math.max(1, (shown.size() + size - 1) / size);
        int current = Math.min(Math.max(1, number), pages);
        int from = (current - 1) * size;
        return new Page(shown.subList(from, Math.min(shown.size(), from + size)), current, pages, shown.size(),
                errorsOnly);
    }

    /** One page of the rows under review. */
    public record Page(List<BulkRow> rows, int number, int pages, int total, boolean errorsOnly) {

        public Page {
            rows = List.copyOf(rows);
        }

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }
}
