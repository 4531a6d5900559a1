package org.insigne.core.verification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a verification found: the specification recognised, the overall verdict, every check in the order it
 * ran, and the badge as a reader should see it when it could be read at all.
 */
public record VerificationReport(Spec spec, Verdict verdict, List<Check> checks, @Nullable BadgeView badge) {

    public VerificationReport {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(verdict, "verdict");
        checks = List.copyOf(checks);
    }

    /**
     * The verdict that follows from the checks: any failure makes it invalid; otherwise, when a check could
     * not run because something was unreachable ({@code outage}), indeterminate; else valid.
     */
    public static Verdict verdictOf(List<Check> checks, boolean outage) {
        return verdictOf(checks, outage, false);
    }

    /**
     * As {@link #verdictOf(List, boolean)}, but when nothing failed and {@code unsupported} (the document is no
     * badge, or its proof is of a kind not checked), {@link Verdict#UNSUPPORTED}: a failure still says invalid,
     * since what is broken is broken whatever it is.
     */
    public static Verdict verdictOf(List<Check> checks, boolean outage, boolean unsupported) {
        if (checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILED)) {
            return Verdict.INVALID;
        }
        if (unsupported) {
            return Verdict.UNSUPPORTED;
        }
        return outage || checks.isEmpty() ? Verdict.INDETERMINATE : Verdict.VALID;
    }

    public Optional<BadgeView> badgeView() {
        return Optional.ofNullable(badge);
    }

    public Optional<Check> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
