package org.insigne.backpack.badge;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.insigne.core.verification.BadgeView;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evidence a kept badge names, the organisations that endorse it, its tags and the framework entries it
 * aligns to, as its pages show them: web links only (a {@code data:} or {@code javascript:} URI is dropped),
 * bounded in number and length, since they come from a document anyone could have written. Tags are kept in
 * their own column (the learning territory filters on them), so they are not part of this JSON.
 */
public record BadgeExtras(List<Evidence> evidence, List<Endorser> endorsers, List<Alignment> alignments,
                          List<String> tags) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ITEMS = 20;
    private static final int MAX_TEXT = 2000;

    public static final BadgeExtras NONE = new BadgeExtras(List.of(), List.of(), List.of(), List.of());

    public BadgeExtras {
        evidence = List.copyOf(evidence);
        endorsers = List.copyOf(endorsers);
        alignments = List.copyOf(alignments);
        tags = List.copyOf(tags);
    }

    /** One piece of evidence: a web address, a narrative, or both. */
    public record Evidence(@Nullable String url, @Nullable String narrative) {
    }

    /** An organisation that endorses the badge or its issuer. */
    public record Endorser(String name, @Nullable String url) {
        public Endorser {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A framework entry the badge aligns to (OB 2.0 AlignmentObject, OB 3.0 Alignment): ESCO skill, RNCP
     * certification…; {@code url} is null when the badge named no web address.
     */
    public record Alignment(String name, @Nullable String url, @Nullable String framework, @Nullable String code) {
        public Alignment {
            Objects.requireNonNull(name, "name");
        }
    }

    static BadgeExtras of(BadgeView badge) {
        List<Evidence> evidence = badge.evidence().stream()
                .map(e -> new Evidence(webOnly(e.id()), cut(e.narrative())))
                .filter(e -> e.url() != null || e.narrative() != null).limit(MAX_ITEMS).toList();
        List<Endorser> endorsers = badge.endorsers().stream()
                .map(p -> new Endorser(Objects.requireNonNull(cut(p.name())), webOnly(p.url())))
                .limit(MAX_ITEMS).toList();
        List<Alignment> alignments = badge.alignments().stream()
                .filter(a -> cut(a.targetName()) != null)
                .map(a -> new Alignment(Objects.requireNonNull(cut(a.targetName())), webOnly(a.targetUrl()),
                        cut(a.targetFramework()), cut(a.targetCode())))
                .limit(MAX_ITEMS).toList();
        return new BadgeExtras(evidence, endorsers, alignments, List.of());
    }

    /** The same, with the tags kept beside it. */
    BadgeExtras withTags(List<String> in) {
        return new BadgeExtras(evidence, endorsers, alignments, in);
    }

    @Nullable String write() {
        if (evidence.isEmpty() && endorsers.isEmpty() && alignments.isEmpty()) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("evidence");
        evidence.forEach(e -> items.addObject().put("url", e.url()).put("narrative", e.narrative()));
        ArrayNode parties = root.putArray("endorsers");
        endorsers.forEach(p -> parties.addObject().put("name", p.name()).put("url", p.url()));
        ArrayNode aligned = root.putArray("alignments");
        alignments.forEach(a -> aligned.addObject().put("name", a.name()).put("url", a.url())
                .put("framework", a.framework()).put("code", a.code()));
        return JSON.writeValueAsString(root);
    }

    static BadgeExtras read(@Nullable String json) {
        if (json == null) {
            return NONE;
        }
        try {
            JsonNode root = JSON.readTree(json);
            List<Evidence> evidence = Stream.of(root.path("evidence")).flatMap(n -> n.valueStream())
                    .map(n -> new Evidence(text(n, "url"), text(n, "narrative"))).toList();
            List<Endorser> endorsers = Stream.of(root.path("endorsers")).flatMap(n -> n.valueStream())
                    .filter(n -> text(n, "name") != null)
                    .map(n -> new Endorser(Objects.requireNonNull(text(n, "name")), text(n, "url"))).toList();
            List<Alignment> alignments = Stream.of(root.path("alignments")).flatMap(n -> n.valueStream())
                    .filter(n -> text(n, "name") != null)
                    .map(n -> new Alignment(Objects.requireNonNull(text(n, "name")), text(n, "url"),
                            text(n, "framework"), text(n, "code"))).toList();
            return new BadgeExtras(evidence, endorsers, alignments, List.of());
        } catch (JacksonException unreadable) {
            // Written by us; an unreadable value only loses what the page shows until the next re-check.
            return NONE;
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.stringValue();
    }

    private static @Nullable String webOnly(@Nullable URI uri) {
        if (uri == null || uri.getScheme() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String text = uri.toString();
        return (scheme.equals("https") || scheme.equals("http")) && text.length() <= MAX_TEXT ? text : null;
    }

    private static @Nullable String cut(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= MAX_TEXT ? stripped : stripped.substring(0, MAX_TEXT - 1) + "…";
    }
}
