package org.insigne.backpack.territory;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.Embeddable;
import org.insigne.backpack.badge.BadgeSkills;
import org.jspecify.annotations.Nullable;

/**
 * A badge the earner chose to show on the map, with the skills it names copied at opt-in time so that the
 * recruiters' filter is one query. Whether it is still public and verified is never copied: the query reads it.
 */
@Embeddable
class ShownBadge {

    private UUID badgeId;

    private @Nullable String level;

    private @Nullable String tags;

    private @Nullable String alignments;

    private String searchText;

    protected ShownBadge() {
        // for JPA
    }

    ShownBadge(UUID badgeId, BadgeSkills skills) {
        this.badgeId = badgeId;
        this.level = skills.level();
        this.tags = skills.tags().isEmpty() ? null : String.join("\n", skills.tags());
        this.alignments = skills.alignments().isEmpty() ? null : String.join("\n", skills.alignments());
        this.searchText = Stream.concat(skills.tags().stream(), skills.alignments().stream())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining("\n"));
    }

    UUID badgeId() {
        return badgeId;
    }

    static List<String> lines(@Nullable String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
