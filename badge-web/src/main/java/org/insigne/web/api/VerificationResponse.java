package org.insigne.web.api;

import java.util.List;
import java.util.Locale;

import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.verification.VerificationReport;
import org.jspecify.annotations.Nullable;

/**
 * A verification report as the API answers it: lower-case verdict, spec and statuses, each check with its
 * message in the caller's language, and the badge as it should be displayed.
 */
record VerificationResponse(String verdict, String spec, List<CheckResponse> checks, @Nullable BadgeView badge) {

    record CheckResponse(String id, String status, String message) {
    }

    static VerificationResponse of(VerificationReport report, Locale locale) {
        return new VerificationResponse(
                lower(report.verdict().name()),
                lower(report.spec().name()),
                report.checks().stream().map(c -> check(c, locale)).toList(),
                report.badge());
    }

    private static CheckResponse check(Check check, Locale locale) {
        return new CheckResponse(check.id(), lower(check.status().name()), CheckMessages.render(check, locale));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
