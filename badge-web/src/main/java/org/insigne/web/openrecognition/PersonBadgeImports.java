package org.insigne.web.openrecognition;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.backpack.imports.ImportService;
import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.PayloadKind;
import org.insigne.issuer.openrecognition.OpenRecognitionService;
import org.insigne.web.backpack.EarnerVerifications;
import org.insigne.web.verify.VerificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a person's badge into a backpack through the ordinary import, as any badge enters one: its credential
 * baked into its drawn image, verified (off the request thread) for the account's confirmed addresses.
 */
@Component
class PersonBadgeImports {

    private static final Logger log = LoggerFactory.getLogger(PersonBadgeImports.class);

    private final ImportService imports;
    private final VerificationService verifications;
    private final Baker baker;

    PersonBadgeImports(ImportService imports, VerificationService verifications, Baker baker) {
        this.imports = imports;
        this.verifications = verifications;
        this.baker = baker;
    }

    /** Verifies and keeps the badge for {@code userId}; the future fails with the import's refusal. */
    CompletableFuture<StoredBadgeView> keep(UUID userId, OpenRecognitionService.Issued badge, List<String> addresses) {
        BadgeInput input = input(badge);
        return EarnerVerifications.firstMatching(verifications::verify, input::toRequest, addresses)
                .thenApply(report -> imports.claim(userId, input, report));
    }

    private BadgeInput input(OpenRecognitionService.Issued badge) {
        String text = new String(badge.credential(), StandardCharsets.UTF_8);
        try {
            byte[] baked = baker.bake(badge.image(), new BakedPayload(PayloadKind.OB3_CREDENTIAL, text, null));
            if (baked.length <= BadgeInput.MAX_BYTES) {
                return BadgeInput.file(baked);
            }
        } catch (BakingFailed unbakeable) {
            log.info("Person badge {} kept without its image: {}", badge.badge().id(), unbakeable.messageKey());
        }
        return BadgeInput.text(text);
    }
}
