package org.insigne.issuer.cobuild;

import java.util.Locale;
import java.util.Optional;

/** The guided page's questions, one per step, in the order they are asked. */
public enum CoBuildStep {
    EXPERIENCE, SKILLS, LEVEL, EVIDENCE, WORDING, IMAGE, CONSENT;

    /** The step as it appears in addresses and message keys. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int number() {
        return ordinal() + 1;
    }

    public static int count() {
        return values().length;
    }

    public Optional<CoBuildStep> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public Optional<CoBuildStep> previous() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }

    public static Optional<CoBuildStep> of(String key) {
        for (CoBuildStep step : values()) {
            if (step.key().equals(key)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
