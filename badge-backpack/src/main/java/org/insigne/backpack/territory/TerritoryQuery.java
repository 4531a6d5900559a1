package org.insigne.backpack.territory;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A recruiter's filter: a skill (matched in the badge's name, tags and alignments), a level (exact, any case)
 * and an area (matched in the commune and postcode the earners gave). Empty means "any"; each is cut at 100
 * characters and compared lower-cased.
 */
public record TerritoryQuery(String skill, String level, String area) {

    public static final int MAX = 100;

    public TerritoryQuery {
        skill = normalise(skill);
        level = normalise(level);
        area = normalise(area);
    }

    public static TerritoryQuery of(@Nullable String skill, @Nullable String level, @Nullable String area) {
        return new TerritoryQuery(skill == null ? "" : skill, level == null ? "" : level, area == null ? "" : area);
    }

    public static TerritoryQuery any() {
        return new TerritoryQuery("", "", "");
    }

    private static String normalise(String text) {
        String s = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }
}
