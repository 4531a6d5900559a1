package org.insigne.issuer.badgeclass;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything one writes about a badge class, checked when built: lengths, expiry between 1 and 120 months,
 * at least one and at most ten distinct competence levels, at most twenty distinct tags.
 */
public record BadgeClassContent(String name, String description, String criteriaMarkdown,
                                List<Alignment> alignments, List<String> tags, List<String> levels,
                                @Nullable Integer expiryMonths, boolean evidenceRequired) {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_CRITERIA = 10_000;
    public static final int MAX_ALIGNMENTS = 20;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;
    public static final int MAX_LEVELS = 10;
    public static final int MAX_LEVEL = 60;
    public static final int MAX_EXPIRY_MONTHS = 120;

    /**
     * The levels a new badge class starts with. They are data, not interface text: stored in the organisation's
     * language (French) whatever the language of the page, then editable.
     */
    public static final List<String> DEFAULT_LEVELS = List.of("Je fais", "Je transmets", "Je pilote");

    public BadgeClassContent {
        name = required(name, MAX_NAME, "name");
        description = required(description, MAX_DESCRIPTION, "description");
        criteriaMarkdown = required(criteriaMarkdown, MAX_CRITERIA, "criteria");
        if (alignments.size() > MAX_ALIGNMENTS) {
            throw new InvalidBadgeClass("alignments");
        }
        alignments = List.copyOf(alignments);
        tags = distinct(tags, MAX_TAGS, MAX_TAG, "tags");
        levels = distinct(levels, MAX_LEVELS, MAX_LEVEL, "levels");
        if (levels.isEmpty()) {
            throw new InvalidBadgeClass("levels");
        }
        if (expiryMonths != null && (expiryMonths < 1 || expiryMonths > MAX_EXPIRY_MONTHS)) {
            throw new InvalidBadgeClass("expiry");
        }
    }

    private static String required(@Nullable String value, int max, String field) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new InvalidBadgeClass(field);
        }
        return stripped;
    }

    private static List<String> distinct(List<String> values, int maxCount, int maxLength, String field) {
        List<String> kept = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        Set<String> seen = new HashSet<>();
        for (String value : kept) {
            if (value.length() > maxLength || !seen.add(value.toLowerCase(Locale.ROOT))) {
                throw new InvalidBadgeClass(field);
            }
        }
        if (kept.size() > maxCount) {
            throw new InvalidBadgeClass(field);
        }
        return kept;
    }
}
