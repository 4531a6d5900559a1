package org.insigne.core.ob2;

/**
 * One step of OB 2.0 verification, in the manner of the 1EdTech validator's probes: it reads what earlier
 * steps found in the {@link Ob2Context}, adds its checks and what it found, and says whether the badge is
 * still worth checking. {@link Ob2Verifier} runs the steps in order and stops at the first that says no.
 */
interface Ob2Probe {

    /** Adds this step's checks; false when the badge is broken (or not a badge) and later steps must not run. */
    boolean run(Ob2Context context);
}
