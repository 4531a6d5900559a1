package org.insigne.issuer.bulk;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.IdempotencyKey;
import org.insigne.issuer.award.InvalidAward;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.jspecify.annotations.Nullable;

/**
 * Checks every row of a file against the badge class, the same rules as the award form, the other rows and
 * the awards already made, and says all that is wrong with each row rather than the first thing.
 */
final class BulkRows {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

    private BulkRows() {
    }

    /**
     * @param alreadyAwarded given the keys of the valid rows, those an award already has
     */
    static List<BulkRow> check(CsvTable table, BadgeClassId badgeClass, BadgeClassContent content, LocalDate today,
                               Function<List<IdempotencyKey>, Set<String>> alreadyAwarded) {
        Map<BulkColumn, Integer> columns = BulkColumn.positions(table.header());
        List<BulkRow> rows = new ArrayList<>(table.records().size());
        Map<IdempotencyKey, Integer> firstLine = new HashMap<>();
        for (CsvTable.Record record : table.records()) {
            BulkRow row = checkOne(record, columns, badgeClass, content, today);
            if (row.key() != null) {
                Integer first = firstLine.putIfAbsent(row.key(), row.line());
                if (first != null) {
                    row = withError(row, new RowError("duplicate", Integer.toString(first)));
                }
            }
            rows.add(row);
        }
        Set<String> existing = alreadyAwarded.apply(rows.stream()
                .filter(BulkRow::valid).map(BulkRow::key).toList());
        if (!existing.isEmpty()) {
            rows.replaceAll(row -> row.valid() && existing.contains(row.key().value())
                    ? withError(row, RowError.of("already-awarded")) : row);
        }
        return rows;
    }

    private static BulkRow checkOne(CsvTable.Record record, Map<BulkColumn, Integer> columns, BadgeClassId badgeClass,
                                    BadgeClassContent content, LocalDate today) {
        String email = cell(record, columns, BulkColumn.EMAIL);
        String name = cell(record, columns, BulkColumn.NAME);
        String level = cell(record, columns, BulkColumn.LEVEL);
        String evidence = cell(record, columns, BulkColumn.EVIDENCE);
        String narrative = cell(record, columns, BulkColumn.NARRATIVE);
        String date = cell(record, columns, BulkColumn.DATE);
        List<RowError> errors = new ArrayList<>();
        String normalisedEmail = email.toLowerCase(Locale.ROOT);
        if (!AwardRequest.isPlausibleEmail(normalisedEmail)) {
            errors.add(RowError.of("email"));
        }
        if (name.isEmpty()) {
            errors.add(RowError.of("name-empty"));
        } else if (name.length() > AwardRequest.MAX_NAME) {
            errors.add(RowError.of("name-long"));
        }
        String knownLevel = knownLevel(level, content.levels());
        if (knownLevel == null) {
            errors.add(RowError.of(level.isEmpty() ? "level-empty" : "level"));
        }
        if (!evidence.isEmpty() && (evidence.length() > AwardRequest.MAX_URL || !OrganisationProfile.isWebAddress(evidence))) {
            errors.add(RowError.of("evidence-url"));
        }
        if (narrative.length() > AwardRequest.MAX_NARRATIVE) {
            errors.add(RowError.of("narrative-long"));
        }
        if (content.evidenceRequired() && evidence.isEmpty() && narrative.isEmpty()) {
            errors.add(RowError.of("evidence-required"));
        }
        LocalDate issuedOn = null;
        if (!date.isEmpty()) {
            issuedOn = date(date);
            if (issuedOn == null) {
                errors.add(RowError.of("date"));
            } else if (issuedOn.isAfter(today)) {
                errors.add(RowError.of("date-future"));
            }
        }
        AwardRequest request = null;
        IdempotencyKey key = null;
        if (errors.isEmpty()) {
            try {
                request = new AwardRequest(UUID.randomUUID(), normalisedEmail, name, knownLevel,
                        evidence.isEmpty() ? null : evidence, narrative.isEmpty() ? null : narrative, issuedOn);
                key = IdempotencyKey.of(badgeClass, request);
            } catch (InvalidAward refused) {
                // The checks above mirror AwardRequest's; should they ever differ, the row is refused, not lost.
                errors.add(RowError.of("invalid"));
            }
        }
        return new BulkRow(record.line(), email, name, level, evidence, narrative, date, errors, request, key);
    }

    /** The badge class's own spelling of {@code level}; case and surrounding spaces do not matter. */
    private static @Nullable String knownLevel(String level, List<String> levels) {
        for (String known : levels) {
            if (known.equalsIgnoreCase(level)) {
                return known;
            }
        }
        return null;
    }

    static @Nullable LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static String cell(CsvTable.Record record, Map<BulkColumn, Integer> columns, BulkColumn column) {
        Integer at = columns.get(column);
        if (at == null || at >= record.cells().size()) {
            return "";
        }
        return record.cells().get(at).strip();
    }

    private static BulkRow withError(BulkRow row, RowError error) {
        List<RowError> errors = new ArrayList<>(row.errors());
        errors.add(error);
        return new BulkRow(row.line(), row.email(), row.name(), row.level(), row.evidenceUrl(), row.narrative(),
                row.date(), errors, null, row.key());
    }
}
