package org.insigne.core.ob2;

import java.time.Clock;
import java.time.Instant;

import org.insigne.core.verification.Check;

/** {@code ob2.expiry}: issued in the past, and not expired (nor expiring before it was issued). */
final class ExpiryProbe implements Ob2Probe {

    private final Clock clock;

    ExpiryProbe(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean run(Ob2Context context) {
        Instant issuedOn = context.assertion().issuedOn();
        Instant expires = context.assertion().expires();
        Instant now = clock.instant();
        if (issuedOn.isAfter(now)) {
            context.fail(Ob2Verifier.EXPIRY, "ob2.expiry.issued-in-future", issuedOn.toString());
        } else if (expires != null && expires.isBefore(issuedOn)) {
            context.fail(Ob2Verifier.EXPIRY, "ob2.expiry.expires-before-issued", expires.toString(),
                    issuedOn.toString());
        } else if (expires != null && !expires.isAfter(now)) {
            context.fail(Ob2Verifier.EXPIRY, "ob2.expiry.expired", expires.toString());
        } else if (expires != null) {
            context.add(Check.passed(Ob2Verifier.EXPIRY, "ob2.expiry.valid-until", expires.toString()));
        } else {
            context.add(Check.passed(Ob2Verifier.EXPIRY, "ob2.expiry.no-expiry"));
        }
        return true;
    }
}
