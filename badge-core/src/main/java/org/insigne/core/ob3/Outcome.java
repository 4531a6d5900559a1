package org.insigne.core.ob3;

import org.insigne.core.verification.Check;

/**
 * A check, whether it could not be completed for reasons outside the credential (network), and whether it could
 * not be made because Insigne does not support what the credential uses (an unknown cryptosuite).
 */
record Outcome(Check check, boolean outage, boolean unsupported) {

    Outcome(Check check, boolean outage) {
        this(check, outage, false);
    }

    static Outcome of(Check check) {
        return new Outcome(check, false);
    }

    static Outcome outage(Check check) {
        return new Outcome(check, true);
    }

    static Outcome unsupported(Check check) {
        return new Outcome(check, false, true);
    }
}
