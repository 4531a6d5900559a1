package org.insigne.web.backpack;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.insigne.backpack.badge.RecipientChecks;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Verifies a badge for an earner who may have several confirmed addresses. The core checks one recipient
 * per verification; this tries the addresses in turn, the login address first, and stops at the first
 * verification whose recipient check did not fail. Only a recipient mismatch leads to the next address:
 * anything else fails the same way whoever asks.
 */
@Component
public class EarnerVerifications {

    private final AccountService accounts;

    EarnerVerifications(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The confirmed addresses of the account; the session's address when the account holds none in the database. */
    List<String> addressesOf(AccountUser user) {
        List<String> confirmed = accounts.confirmedAddresses(user.id());
        return confirmed.isEmpty() ? List.of(user.email()) : confirmed;
    }

    /**
     * The first verification (by {@code verify}) of {@code requestFor(address)} that does not fail on the
     * recipient; the first one made when every address fails. No address: verified without a recipient.
     */
    public static CompletableFuture<VerificationReport> firstMatching(
            Function<VerificationRequest, CompletableFuture<VerificationReport>> verify,
            Function<@Nullable String, VerificationRequest> requestFor, List<String> addresses) {
        if (addresses.isEmpty()) {
            return verify.apply(requestFor.apply(null));
        }
        return verify.apply(requestFor.apply(addresses.get(0))).thenCompose(first ->
                tryNext(verify, requestFor, addresses, 1, first, first));
    }

    private static CompletableFuture<VerificationReport> tryNext(
            Function<VerificationRequest, CompletableFuture<VerificationReport>> verify,
            Function<@Nullable String, VerificationRequest> requestFor, List<String> addresses, int next,
            VerificationReport latest, VerificationReport first) {
        if (!onlyRecipientFailed(latest)) {
            return CompletableFuture.completedFuture(latest);
        }
        if (next >= addresses.size()) {
            return CompletableFuture.completedFuture(first);
        }
        return verify.apply(requestFor.apply(addresses.get(next)))
                .thenCompose(report -> tryNext(verify, requestFor, addresses, next + 1, report, first));
    }

    static boolean onlyRecipientFailed(VerificationReport report) {
        return RecipientChecks.onlyTheyFailed(report);
    }
}
