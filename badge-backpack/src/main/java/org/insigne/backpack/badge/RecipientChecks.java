package org.insigne.backpack.badge;

import java.util.Set;

import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.VerificationReport;

/** What a verification said about whom the badge was awarded to (the OB 2.0 and OB 3.0 recipient checks). */
public final class RecipientChecks {

    /** The ids of the checks that compare the badge's recipient with the address asked about. */
    public static final Set<String> IDS = Set.of("ob2.recipient", "ob3.recipient");

    private RecipientChecks() {
    }

    /** A recipient check passed: the badge names the address the verification was asked about. */
    public static boolean passed(VerificationReport report) {
        return report.checks().stream().anyMatch(c -> IDS.contains(c.id()) && c.status() == CheckStatus.PASSED);
    }

    /** A recipient check failed and no other check did. */
    public static boolean onlyTheyFailed(VerificationReport report) {
        boolean recipientFailed = false;
        for (var check : report.checks()) {
            if (check.status() != CheckStatus.FAILED) {
                continue;
            }
            if (!IDS.contains(check.id())) {
                return false;
            }
            recipientFailed = true;
        }
        return recipientFailed;
    }
}
