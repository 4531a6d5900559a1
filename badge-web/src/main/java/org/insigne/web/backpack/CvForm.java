package org.insigne.web.backpack;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.insigne.backpack.badge.BadgeId;
import org.jspecify.annotations.Nullable;

/** A new anonymous CV: the owner's own label for it (never shown publicly) and the chosen badges. */
record CvForm(@NotBlank @Size(max = 200) @Nullable String label, @NotEmpty @Nullable List<String> badges) {

    List<BadgeId> badgeIds() {
        return badges == null ? List.of() : badges.stream().map(BackpackController::badgeId).toList();
    }

    String labelOrEmpty() {
        return label == null ? "" : label;
    }
}
