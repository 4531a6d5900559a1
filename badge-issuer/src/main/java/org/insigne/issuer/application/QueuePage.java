package org.insigne.issuer.application;

import java.util.List;

/** One page of an organisation's applications, oldest waiting first; {@code number} counts from 0. */
public record QueuePage(List<QueueEntry> entries, int number, int size, long total) {

    public QueuePage {
        entries = List.copyOf(entries);
    }
}
