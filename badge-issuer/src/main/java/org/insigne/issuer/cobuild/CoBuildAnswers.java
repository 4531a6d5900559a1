package org.insigne.issuer.cobuild;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one step of the guided page sends, as typed; only the fields of that step are read, and checked by
 * {@link CoBuildService} when saved. {@code image} is an uploaded file's bytes, or null.
 */
public record CoBuildAnswers(@Nullable String experience, @Nullable String skills, List<String> chosenTags,
                             @Nullable String level, List<String> evidenceLinks, @Nullable String badgeName,
                             @Nullable String badgeDescription, @Nullable String shape, @Nullable String colour,
                             byte @Nullable [] image) {

    public static final int MAX_EXPERIENCE = 5000;
    public static final int MAX_SKILLS = 2000;
    public static final int MAX_CHOSEN_TAGS = 10;
    public static final int MAX_LINKS = 3;

    public CoBuildAnswers {
        chosenTags = List.copyOf(chosenTags);
        evidenceLinks = List.copyOf(evidenceLinks);
    }
}
