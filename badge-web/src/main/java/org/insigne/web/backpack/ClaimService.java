package org.insigne.web.backpack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.backpack.imports.ImportRefused;
import org.insigne.backpack.imports.ImportService;
import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.HostedAssertion;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.EmailAddressConfirmed;
import org.insigne.web.verify.VerificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Brings a badge awarded on this platform into its earner's backpack, through the same import as any other
 * platform's badge: the award's OB 3.0 credential as signed (baked into the badge image when it can be,
 * so that the backpack shows it), verified for the earner's confirmed addresses. The credential's issuer is a
 * {@code did:key} on a plain-HTTP server and its revocation list is read from the database (as every
 * verification reads this platform's own documents, see {@link VerificationService}), so a claim verifies
 * without any network. A claim is idempotent: the badge
 * already in the backpack is returned.
 */
@Service
class ClaimService {

    /** What the claim page shows of an award before the earner adds it. */
    record AwardSummary(AwardId id, String badgeName, String issuerName, boolean revoked) {
    }

    private static final Logger log = LoggerFactory.getLogger(ClaimService.class);

    private final AwardService awards;
    private final BadgeClassService badgeClasses;
    private final ImportService imports;
    private final BackpackService backpack;
    private final Baker baker;
    private final VerificationService verifications;
    private final AsyncTaskExecutor executor;

    ClaimService(AwardService awards, BadgeClassService badgeClasses, ImportService imports,
                 VerificationService verifications, Baker baker,
                 @Qualifier("verificationExecutor") AsyncTaskExecutor executor, BackpackService backpack) {
        this.backpack = backpack;
        this.awards = awards;
        this.badgeClasses = badgeClasses;
        this.imports = imports;
        this.baker = baker;
        this.verifications = verifications;
        this.executor = executor;
    }

    Optional<AwardSummary> award(AwardId id) {
        // The base only shapes the document's URLs, which the summary does not show.
        return awards.hostedAssertion(id, new HostedUrls("https://insigne.invalid"))
                .map(a -> new AwardSummary(id, a.badgeClassName(), a.issuerName(), a.revoked()));
    }

    /**
     * The award's badge when it already is in the backpack of {@code userId} (added when the address was
     * confirmed, say): kept under the credential's id, as {@link ImportService#claim} keeps it.
     */
    Optional<StoredBadgeView> inBackpack(UUID userId, AwardId id) {
        return awards.credential(id).flatMap(credential -> {
            try {
                JsonNode json = BoundedJson.MAPPER.readTree(credential);
                return json.path("id").isString()
                        ? backpack.byFingerprint(userId, "id:" + json.path("id").asString()) : Optional.empty();
            } catch (JacksonException unreadable) {
                return Optional.empty();
            }
        });
    }

    /**
     * Verifies and keeps the award for {@code userId}, off the calling thread.
     *
     * @throws ClaimNotFound when no such award exists (at once)
     * @see ImportService#claim for the refusals, completing the future exceptionally
     */
    CompletableFuture<StoredBadgeView> claim(UUID userId, AwardId id, List<String> addresses) {
        byte[] credential = awards.credential(id).orElseThrow(ClaimNotFound::new);
        BadgeInput input = input(id, credential);
        return EarnerVerifications.firstMatching(
                        verifications::verify, input::toRequest, addresses)
                .thenApply(report -> {
                    StoredBadgeView stored = imports.claim(userId, input, report);
                    awards.markClaimed(id);
                    log.info("Award {} claimed by user {} as badge {}", id.value(), userId, stored.id().value());
                    return stored;
                });
    }

    /**
     * Once an address is confirmed, every award made to it on this platform enters the account's backpack, off
     * the thread that confirmed it. A refused one (revoked, say) stays out; the earner can still claim it by hand
     * and read why.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void claimAwardsTo(EmailAddressConfirmed confirmed) {
        executor.execute(() -> {
            for (AwardId award : awards.awardsTo(confirmed.email())) {
                try {
                    claim(confirmed.userId(), award, List.of(confirmed.email())).join();
                } catch (RuntimeException failed) {
                    Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
                    if (cause instanceof ImportRefused refused) {
                        log.info("Award {} not claimed automatically for user {}: {}", award.value(),
                                confirmed.userId(), refused.messageKey());
                    } else {
                        log.warn("Award {} not claimed automatically for user {}", award.value(), confirmed.userId(),
                                cause);
                    }
                }
            }
        });
    }

    /** The credential baked into the badge class image when both allow it, else the credential as text. */
    private BadgeInput input(AwardId id, byte[] credential) {
        String text = new String(credential, StandardCharsets.UTF_8);
        Optional<byte[]> image = awards.hostedAssertion(id, new HostedUrls("https://insigne.invalid"))
                .map(HostedAssertion::badgeClassId)
                .flatMap(badgeClass -> badgeClasses.image(new BadgeClassId(badgeClass)))
                .map(stored -> stored.bytes());
        if (image.isPresent()) {
            try {
                byte[] baked = baker.bake(image.get(), new BakedPayload(PayloadKind.OB3_CREDENTIAL, text, null));
                if (baked.length <= BadgeInput.MAX_BYTES) {
                    return BadgeInput.file(baked);
                }
            } catch (BakingFailed unbakeable) {
                log.info("Award {} claimed without its image: {}", id.value(), unbakeable.messageKey());
            }
        }
        return BadgeInput.text(text);
    }
}
