package org.insigne.web.backpack;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.insigne.backpack.badge.BadgeId;
import org.jspecify.annotations.Nullable;

/** A collection's name, description and chosen badges (ids of the owner's badges, as the checkboxes send them). */
record CollectionForm(@NotBlank @Size(max = 200) @Nullable String name, @Size(max = 2000) @Nullable String description,
                      @Nullable List<String> badges) {

    List<BadgeId> badgeIds() {
        return badges == null ? List.of() : badges.stream().map(BackpackController::badgeId).toList();
    }

    String nameOrEmpty() {
        return name == null ? "" : name;
    }
}
