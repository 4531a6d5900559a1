package org.insigne.issuer.bulk;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns a bulk award file may have, each recognised by its French or English name, whatever the case,
 * accents, spaces and hyphens ({@code E-mail}, {@code Récit}, {@code date d'émission}). The first three are
 * required.
 */
public enum BulkColumn {
    EMAIL("courriel", "email", "mail", "adresseemail", "adressecourriel", "adresseelectronique", "emailaddress"),
    NAME("nom", "name", "nomcomplet", "fullname", "prenomnom"),
    LEVEL("niveau", "level"),
    EVIDENCE("preuve", "evidence", "evidenceurl", "urlpreuve", "lienpreuve", "urldelapreuve", "liendelapreuve"),
    NARRATIVE("recit", "narrative", "evidencenarrative", "recitdelapreuve"),
    DATE("date", "datedemission", "datededelivrance", "issuedon", "issuedate", "issuancedate");

    private final List<String> names;

    BulkColumn(String... names) {
        this.names = List.of(names);
    }

    boolean required() {
        return this == EMAIL || this == NAME || this == LEVEL;
    }

    /** The column a header cell names, if any. */
    static Optional<BulkColumn> named(String header) {
        String key = normalise(header);
        for (BulkColumn column : values()) {
            if (column.names.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Where each known column is in the header, refusing a header without the required ones or with one twice. */
    static Map<BulkColumn, Integer> positions(List<String> header) {
        Map<BulkColumn, Integer> positions = new EnumMap<>(BulkColumn.class);
        for (int i = 0; i < header.size(); i++) {
            int at = i;
            named(header.get(i)).ifPresent(column -> {
                if (positions.putIfAbsent(column, at) != null) {
                    throw new CsvRejected("duplicate-column", header.get(at).strip());
                }
            });
        }
        List<String> missing = java.util.Arrays.stream(values())
                .filter(c -> c.required() && !positions.containsKey(c))
                .map(c -> c.names.get(0) + " / " + c.names.get(1))
                .toList();
        if (!missing.isEmpty()) {
            throw new CsvRejected("missing-columns", String.join(", ", missing));
        }
        return positions;
    }

    private static String normalise(String header) {
        String stripped = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
