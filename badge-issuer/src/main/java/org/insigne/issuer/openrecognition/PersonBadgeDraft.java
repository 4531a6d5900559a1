package org.insigne.issuer.openrecognition;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.cobuild.BadgeTemplate;
import org.jspecify.annotations.Nullable;

/**
 * What a person writes for a badge they issue: its name, what it recognises, their account of it (Markdown,
 * sanitised when shown), evidence links, one of the three levels, and the shape and colour of its drawn image.
 * Build it with {@link #of}, which trims and checks every field and reports all the problems at once.
 */
public record PersonBadgeDraft(String name, String description, @Nullable String narrative, String level,
                               List<String> evidence, BadgeTemplate.Shape shape, BadgeTemplate.Colour colour) {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_NARRATIVE = 5000;
    public static final int MAX_EVIDENCE = 5;
    public static final int MAX_URL = 500;

    /** The levels a person picks from, as the co-built badges name them. */
    public static final List<String> LEVELS = BadgeClassContent.DEFAULT_LEVELS;

    public PersonBadgeDraft {
        evidence = List.copyOf(evidence);
    }

    /** One field's problem: the form field, a message key and its arguments. */
    public record Problem(String field, String messageKey, List<Object> args) {
        public Problem {
            args = List.copyOf(args);
        }
    }

    /**
     * The draft from what was typed, or {@link PersonBadgeRefused} listing every field's problem. Evidence is
     * one link per line; a blank shape or colour takes the first.
     */
    public static PersonBadgeDraft of(@Nullable String name, @Nullable String description,
                                      @Nullable String narrative, @Nullable String level,
                                      @Nullable String evidence, @Nullable String shape, @Nullable String colour) {
        List<Problem> problems = new ArrayList<>();
        String n = required(name, "name", MAX_NAME, problems);
        String d = required(description, "description", MAX_DESCRIPTION, problems);
        String story = narrative == null ? "" : narrative.strip();
        if (story.length() > MAX_NARRATIVE) {
            problems.add(new Problem("narrative", "error.person-badge.too-long", List.of(MAX_NARRATIVE)));
        }
        String l = level == null ? "" : level.strip();
        if (!LEVELS.contains(l)) {
            problems.add(new Problem("level", "error.person-badge.level", List.of()));
        }
        List<String> links = links(evidence, problems);
        BadgeTemplate.Shape s = choice(BadgeTemplate.Shape.values(), shape, "shape", problems);
        BadgeTemplate.Colour c = choice(BadgeTemplate.Colour.values(), colour, "colour", problems);
        if (!problems.isEmpty()) {
            throw new PersonBadgeRefused(problems);
        }
        return new PersonBadgeDraft(n, d, story.isEmpty() ? null : story, l, links, s, c);
    }

    private static String required(@Nullable String value, String field, int max, List<Problem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(new Problem(field, "error.person-badge.required", List.of()));
        } else if (text.length() > max) {
            problems.add(new Problem(field, "error.person-badge.too-long", List.of(max)));
        }
        return text;
    }

    private static List<String> links(@Nullable String evidence, List<Problem> problems) {
        if (evidence == null || evidence.length() > MAX_EVIDENCE * (MAX_URL + 2)) {
            if (evidence != null) {
                problems.add(new Problem("evidence", "error.person-badge.evidence-count", List.of(MAX_EVIDENCE)));
            }
            return List.of();
        }
        List<String> links = evidence.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (links.size() > MAX_EVIDENCE) {
            problems.add(new Problem("evidence", "error.person-badge.evidence-count", List.of(MAX_EVIDENCE)));
            return List.of();
        }
        for (String link : links) {
            if (!webAddress(link)) {
                problems.add(new Problem("evidence", "error.person-badge.evidence-url", List.of(MAX_URL)));
                return List.of();
            }
        }
        return links;
    }

    /** An absolute http(s) address with a host, short enough to keep: what a reader can follow. */
    private static boolean webAddress(String link) {
        if (link.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException notAnAddress) {
            return false;
        }
    }

    private static <E extends Enum<E>> E choice(E[] values, @Nullable String typed, String field,
                                                List<Problem> problems) {
        if (typed == null || typed.isBlank()) {
            return values[0];
        }
        for (E value : values) {
            if (value.name().equalsIgnoreCase(typed.strip())) {
                return value;
            }
        }
        problems.add(new Problem(field, "error.person-badge.choice", List.of()));
        return values[0];
    }
}
