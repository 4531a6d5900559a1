package org.insigne.backpack.collection;

import org.insigne.core.error.DomainException;

/** No such collection, or not one the asker may see: the two are never told apart. */
public final class CollectionNotFound extends DomainException {
    public CollectionNotFound() {
        super(Kind.NOT_FOUND, "sharing.error.collection-not-found");
    }
}
