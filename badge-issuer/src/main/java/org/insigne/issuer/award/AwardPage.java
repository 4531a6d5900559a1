package org.insigne.issuer.award;

import java.util.List;

/** One page of awards, newest first; {@code number} counts from 0. */
public record AwardPage(List<AwardView> awards, int number, int size, long total) {

    public AwardPage {
        awards = List.copyOf(awards);
    }
}
