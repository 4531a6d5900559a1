package org.insigne.issuer.award;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.insigne.issuer.badgeclass.BadgeClassView;
import org.jspecify.annotations.Nullable;

/**
 * An award request checked against its badge class, and the dates its documents carry: what the single award
 * form and a bulk award both do before signing. Refuses (with {@link InvalidAward}) a level the badge class
 * does not offer, missing evidence the badge class requires, and an issue date in the future.
 *
 * <p>A date given for today is issued now; an earlier date at the start of that day (UTC). The expiry is the
 * badge class's validity in months after the issue date, if it has one.
 */
record AwardDates(Instant issuedOn, @Nullable Instant expires) {

    static AwardDates checked(BadgeClassView badgeClass, AwardRequest request, Instant now) {
        if (!badgeClass.content().levels().contains(request.level())) {
            throw new InvalidAward("level");
        }
        if (badgeClass.content().evidenceRequired() && !request.hasEvidence()) {
            throw new InvalidAward("evidence");
        }
        Instant issuedOn = issuedOn(request.issuedOn(), now);
        Integer months = badgeClass.content().expiryMonths();
        return new AwardDates(issuedOn,
                months == null ? null : issuedOn.atZone(ZoneOffset.UTC).plusMonths(months).toInstant());
    }

    private static Instant issuedOn(@Nullable LocalDate date, Instant now) {
        if (date == null) {
            return now;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (date.isAfter(today)) {
            throw new InvalidAward("issued-on");
        }
        return date.equals(today) ? now : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
