package org.insigne.issuer.application;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** The person applying: their account id, confirmed address, name, and the language they write in. */
public record Applicant(UUID id, String email, String name, Locale locale) {
    public Applicant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(locale, "locale");
    }
}
