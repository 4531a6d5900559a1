package org.insigne.backpack.badge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a badge says about the skill it stands for: the level reached (OB 3.0 rubric level), the achievement's
 * tags and its alignments to frameworks, each alignment as "name (framework code)".
 */
public record BadgeSkills(@Nullable String level, List<String> tags, List<String> alignments) {
    public BadgeSkills {
        tags = List.copyOf(tags);
        alignments = List.copyOf(alignments);
    }
}
