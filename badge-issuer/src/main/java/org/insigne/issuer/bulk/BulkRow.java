package org.insigne.issuer.bulk;

import java.util.List;

import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.IdempotencyKey;
import org.jspecify.annotations.Nullable;

/**
 * One row of a bulk award file as written (cells stripped), with what is wrong with it. A row without errors
 * carries the award request it makes and that request's idempotency key.
 */
public record BulkRow(int line, String email, String name, String level, String evidenceUrl, String narrative,
                      String date, List<RowError> errors, @Nullable AwardRequest request,
                      @Nullable IdempotencyKey key) {

    public BulkRow {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
