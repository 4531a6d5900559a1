package org.insigne.core.ob2;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** What a badge is and who issues it (OB 2.0 BadgeClass). */
public record BadgeClass(URI id, List<String> types, String name, String description, @Nullable Image image,
                         Criteria criteria, Ref<Profile> issuer, List<Alignment> alignments, List<String> tags,
                         List<Ref<Endorsement>> endorsements, JsonNode json) {

    public BadgeClass {
        Objects.requireNonNull(id, "id");
        types = List.copyOf(types);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(issuer, "issuer");
        alignments = List.copyOf(alignments);
        tags = List.copyOf(tags);
        endorsements = List.copyOf(endorsements);
        Objects.requireNonNull(json, "json");
    }
}
