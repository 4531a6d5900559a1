package org.insigne.web.backpack;

import java.util.UUID;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeId;
import org.insigne.backpack.badge.RecipientChecks;
import org.insigne.backpack.badge.RecipientStatus;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.web.account.EmailAddressConfirmed;
import org.insigne.web.verify.VerificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Once an earner confirms an address, the badges they keep whose recipient was not confirmed are verified again
 * for that address, on the verification executor: those awarded to it become theirs, and can then be made public.
 * The others stay as they were (the earner's "check again" button and the scheduled re-check try every confirmed
 * address too).
 */
@Component
class UnconfirmedRecipients {

    private static final Logger log = LoggerFactory.getLogger(UnconfirmedRecipients.class);

    private final BackpackService collection;
    private final VerificationService verifications;

    UnconfirmedRecipients(BackpackService collection, VerificationService verifications) {
        this.collection = collection;
        this.verifications = verifications;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void recheckFor(EmailAddressConfirmed confirmed) {
        for (StoredBadgeView badge : collection.badgesOf(confirmed.userId())) {
            if (badge.recipientStatus() == RecipientStatus.NOT_CONFIRMED) {
                recheck(confirmed.userId(), badge.id(), confirmed.email());
            }
        }
    }

    private void recheck(UUID owner, BadgeId badge, String address) {
        verifications.verify(collection.recheckRequest(owner, badge, address))
                .thenAccept(report -> {
                    if (RecipientChecks.passed(report)) {
                        collection.recordCheck(owner, badge, report);
                    }
                })
                .exceptionally(failed -> {
                    // Left not confirmed: the earner's own re-check or the scheduled one tries again.
                    log.warn("Badge {} not checked again after an address was confirmed: {}", badge.value(),
                            failed.toString());
                    return null;
                });
    }
}
