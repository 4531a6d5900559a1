package org.insigne.web.issuer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * The badge class form. Tags are typed comma separated and levels one per line, as people write lists; alignments
 * come as numbered rows, blank rows being ignored.
 */
record BadgeClassForm(
        @NotBlank @Size(max = BadgeClassContent.MAX_NAME) @Nullable String name,
        @NotBlank @Size(max = BadgeClassContent.MAX_DESCRIPTION) @Nullable String description,
        @NotBlank @Size(max = BadgeClassContent.MAX_CRITERIA) @Nullable String criteria,
        @Valid @Nullable List<AlignmentRow> alignments,
        @Size(max = 1200) @Nullable String tags,
        @NotBlank @Size(max = 700) @Nullable String levels,
        @Pattern(regexp = "^\\s*\\d{0,9}\\s*$") @Nullable String expiryMonths,
        @Nullable String evidenceRequired,
        @Nullable MultipartFile image) {

    record AlignmentRow(
            @Size(max = Alignment.MAX_FRAMEWORK) @Nullable String framework,
            @Size(max = Alignment.MAX_CODE) @Nullable String code,
            @Size(max = Alignment.MAX_NAME) @Nullable String name,
            @Size(max = Alignment.MAX_URL) @Pattern(regexp = OrganisationProfileController.WEB_ADDRESS) @Nullable String url) {

        boolean isBlank() {
            return blank(framework) && blank(code) && blank(name) && blank(url);
        }
    }

    static BadgeClassForm empty() {
        return new BadgeClassForm("", "", "", List.of(new AlignmentRow("", "", "", "")), "",
                String.join("\n", BadgeClassContent.DEFAULT_LEVELS), "", null, null);
    }

    static BadgeClassForm of(BadgeClassContent content) {
        List<AlignmentRow> rows = new ArrayList<>(content.alignments().stream()
                .map(a -> new AlignmentRow(a.framework(), a.code(), a.name(), a.url())).toList());
        rows.add(new AlignmentRow("", "", "", ""));
        return new BadgeClassForm(content.name(), content.description(), content.criteriaMarkdown(), rows,
                String.join(", ", content.tags()), String.join("\n", content.levels()),
                content.expiryMonths() == null ? "" : content.expiryMonths().toString(),
                content.evidenceRequired() ? "true" : null, null);
    }

    /** The rows to show again: those typed, plus one blank row to add another. */
    public List<AlignmentRow> rows() {
        List<AlignmentRow> rows = new ArrayList<>(alignments == null ? List.of() : alignments);
        if (rows.isEmpty() || !rows.get(rows.size() - 1).isBlank()) {
            rows.add(new AlignmentRow("", "", "", ""));
        }
        return rows;
    }

    /** The content to save; throws {@code InvalidBadgeClass} when the service's rules refuse it. */
    BadgeClassContent content() {
        List<Alignment> kept = (alignments == null ? List.<AlignmentRow>of() : alignments).stream()
                .filter(row -> row != null && !row.isBlank())
                .map(row -> new Alignment(row.framework(), row.code(), row.name(), row.url()))
                .toList();
        return new BadgeClassContent(text(name), text(description), text(criteria), kept,
                split(tags, ","), split(levels, "\\R"), months(), isEvidenceRequired());
    }

    public boolean isEvidenceRequired() {
        return "true".equals(evidenceRequired) || "on".equals(evidenceRequired);
    }

    /** Empty means no expiry; a number too large for an int is out of range like any other. */
    private @Nullable Integer months() {
        if (expiryMonths == null || expiryMonths.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(expiryMonths.strip());
        } catch (NumberFormatException tooLarge) {
            return Integer.MAX_VALUE;
        }
    }

    private static List<String> split(@Nullable String value, String separator) {
        return value == null ? List.of() : Arrays.stream(value.split(separator)).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
