package org.insigne.backpack.territory;

import org.insigne.core.error.DomainException;

/** Neither a commune nor coordinates were given, or the coordinates are out of range. */
public final class PlaceNotGiven extends DomainException {
    public PlaceNotGiven() {
        super(Kind.INVALID, "territory.error.place");
    }
}
