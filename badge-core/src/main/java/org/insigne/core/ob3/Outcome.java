package org.insigne.core.ob3;

import org.insigne.core.verification.Check;

/** A check and whether it could not be completed for reasons outside the credential (network). */
record Outcome(Check check, boolean outage) {

    static Outcome of(Check check) {
        return new Outcome(check, false);
    }

    static Outcome outage(Check check) {
        return new Outcome(check, true);
    }
}
