package org.insigne.issuer.application;

import java.util.Map;
import java.util.Set;

/**
 * What a reviewer ticked and wrote on the criteria checklist, by the position of each criterion; the service
 * pairs positions with the criteria, so that no text sent with the form is trusted.
 */
public record Checklist(Set<Integer> met, Map<Integer, String> notes) {

    public static final int MAX_NOTE = 1000;

    public static final Checklist EMPTY = new Checklist(Set.of(), Map.of());

    public Checklist {
        met = Set.copyOf(met);
        notes = Map.copyOf(notes);
    }

    public boolean isMet(int position) {
        return met.contains(position);
    }

    public String note(int position) {
        return notes.getOrDefault(position, "");
    }
}
