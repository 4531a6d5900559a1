package org.insigne.issuer.audit;

import java.util.List;

/** One page of an audit log, newest first; {@code number} counts from 0. */
public record AuditPage(List<AuditEntryView> entries, int number, int size, long total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return number + 1 < pages();
    }
}
