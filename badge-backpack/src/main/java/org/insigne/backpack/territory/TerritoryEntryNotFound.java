package org.insigne.backpack.territory;

import org.insigne.core.error.DomainException;

/** No such entry on the map, or its earner withdrew it. */
public final class TerritoryEntryNotFound extends DomainException {
    public TerritoryEntryNotFound() {
        super(Kind.NOT_FOUND, "territory.error.not-found");
    }
}
