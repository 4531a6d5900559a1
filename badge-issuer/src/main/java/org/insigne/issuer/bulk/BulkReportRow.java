package org.insigne.issuer.bulk;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One row of a confirmed file and its outcome, for the report. */
public record BulkReportRow(int line, String email, String name, String level, BulkRowStatus status,
                            List<RowError> errors, @Nullable UUID awardId) {

    public BulkReportRow {
        errors = List.copyOf(errors);
    }
}
