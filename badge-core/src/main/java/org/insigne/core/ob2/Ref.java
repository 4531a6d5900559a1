package org.insigne.core.ob2;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A link to another Open Badges document, given either as an IRI to fetch or embedded in place
 * (OB 2.0 allows both for {@code badge}, {@code issuer}, {@code endorsement}).
 */
public record Ref<T>(@Nullable URI id, @Nullable T embedded) {

    public Ref {
        if (id == null && embedded == null) {
            throw new IllegalArgumentException("a reference needs an id or an embedded document");
        }
    }

    public static <T> Ref<T> iri(URI id) {
        return new Ref<>(Objects.requireNonNull(id, "id"), null);
    }

    public static <T> Ref<T> of(@Nullable URI id, T embedded) {
        return new Ref<>(id, Objects.requireNonNull(embedded, "embedded"));
    }

    public Optional<T> document() {
        return Optional.ofNullable(embedded);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }
}
