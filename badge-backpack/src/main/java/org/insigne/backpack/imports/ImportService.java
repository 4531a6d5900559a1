package org.insigne.backpack.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.badge.NewBadge;
import org.insigne.backpack.badge.RecipientChecks;
import org.insigne.backpack.badge.RecipientStatus;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.ImageFormat;
import org.insigne.core.error.DomainException.Kind;
import org.insigne.core.ob3.Ob3Verifier;
import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.Verifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides, from a verification the caller ran outside any transaction, whether a badge goes into the earner's
 * backpack, then keeps it in one short transaction. The rules:
 * <ul>
 * <li>invalid, unreadable or unrecognised: refused, with the failed checks;</li>
 * <li>awarded to an address that is none of the owner's confirmed ones, by file, address or pasted text: kept,
 *     marked recipient not confirmed, never public until a verification for a confirmed address of theirs
 *     passes (they may add and confirm that address); through a claim link or an application, refused;</li>
 * <li>an Open Badges 3.0 credential naming no e-mail address (a DID subject): kept, marked not linked;</li>
 * <li>indeterminate (the issuer's site unreachable) but readable: kept, marked unverified, with the reason;
 *     the earner can check it again later, and refusing would punish them for someone else's outage;</li>
 * <li>already in the backpack (same assertion or credential id, else same payload): refused.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BackpackService collection;
    private final Baker baker;

    ImportService(BackpackService collection, Baker baker) {
        this.collection = collection;
        this.baker = baker;
    }

    /** Refuses, before any verification, an input the backpack would never keep: empty or over 5 MB. */
    public static void requireUsable(BadgeInput input) {
        if (input.isEmpty()) {
            throw new ImportRefused(Kind.INVALID, "backpack.import.refused.empty");
        }
        if (input.isTooLarge()) {
            throw new ImportRefused(Kind.INVALID, "backpack.import.refused.too-large");
        }
    }

    /**
     * Keeps the badge {@code report} describes for {@code ownerId}, or says why not.
     *
     * @throws ImportRefused when one of the rules above refuses it
     */
    @Transactional
    public StoredBadgeView importBadge(UUID ownerId, BadgeInput input, VerificationReport report) {
        requireUsable(input);
        Accepted accepted = assess(input, report, true);
        String fingerprint = fingerprint(input, accepted.badge());
        var existing = collection.byFingerprint(ownerId, fingerprint);
        if (existing.isPresent()) {
            if (existing.get().recipientStatus() == RecipientStatus.NOT_CONFIRMED
                    && accepted.recipient() == RecipientStatus.MATCHED) {
                // Imported again once its address is confirmed: the badge kept becomes the owner's.
                return collection.recordCheck(ownerId, existing.get().id(), report);
            }
            throw new ImportRefused(Kind.CONFLICT, "backpack.import.refused.duplicate");
        }
        return collection.add(new NewBadge(ownerId, input, fingerprint, accepted.badge(), accepted.verdict(),
                accepted.recipient(), accepted.checks()));
    }

    /**
     * Like {@link #importBadge}, except that a badge already in the backpack is not refused but returned: a claim
     * link opened twice, or a claim racing the automatic one, ends with one badge.
     */
    @Transactional
    public StoredBadgeView claim(UUID ownerId, BadgeInput input, VerificationReport report) {
        return keep(ownerId, input, report, false).badge();
    }

    /** A badge kept, and whether this call added it ({@code false}: it was in the backpack already). */
    public record Kept(StoredBadgeView badge, boolean added) {
    }

    /**
     * The OB 3.0 API's {@code upsertCredential}: like {@link #claim}, saying whether the badge was added, except
     * that a badge already there (same credential id) is replaced by the one sent, bytes and all, as an upsert
     * does. Its page address, sharing and collections stay.
     */
    @Transactional
    public Kept upsert(UUID ownerId, BadgeInput input, VerificationReport report) {
        return keep(ownerId, input, report, true);
    }

    private Kept keep(UUID ownerId, BadgeInput input, VerificationReport report, boolean replace) {
        requireUsable(input);
        Accepted accepted = assess(input, report, false);
        String fingerprint = fingerprint(input, accepted.badge());
        NewBadge badge = new NewBadge(ownerId, input, fingerprint, accepted.badge(), accepted.verdict(),
                accepted.recipient(), accepted.checks());
        return collection.byFingerprint(ownerId, fingerprint)
                .map(existing -> new Kept(replace ? collection.replace(existing.id(), badge)
                        // Claimed again once its address is confirmed: the badge kept becomes the owner's.
                        : existing.recipientStatus() == RecipientStatus.NOT_CONFIRMED
                                && accepted.recipient() == RecipientStatus.MATCHED
                                ? collection.recordCheck(ownerId, existing.id(), report) : existing, false))
                .orElseGet(() -> new Kept(collection.add(badge), true));
    }

    private record Accepted(BadgeView badge, Verdict verdict, RecipientStatus recipient, List<Check> checks) {
    }

    private Accepted assess(BadgeInput input, VerificationReport report, boolean keepOtherRecipient) {
        List<Check> failed = report.checks().stream().filter(c -> c.status() == CheckStatus.FAILED).toList();
        BadgeView badge = report.badge();
        if (report.check(Verifier.UNRECOGNISED).isPresent()) {
            throw refused("backpack.import.refused.unrecognised", failed);
        }
        if (report.check("ob3.parse").filter(c -> c.messageKey().equals(Ob3Verifier.PARSED_STATUS_LIST)).isPresent()) {
            // A status list credential (vc-bitstring-status-list §2.2) verifies as a credential, but holds no badge.
            throw refused("backpack.import.refused.status-list", List.of());
        }
        if (report.verdict() == Verdict.UNSUPPORTED) {
            // Not a badge (a CLR, another credential) or not checkable here: nothing a backpack can vouch for.
            throw refused("backpack.import.refused.unsupported", report.checks().stream()
                    .filter(c -> c.status() == CheckStatus.SKIPPED || c.status() == CheckStatus.FAILED).toList());
        }
        if (report.verdict() == Verdict.INVALID || badge == null) {
            List<Check> others = failed.stream().filter(c -> !RecipientChecks.IDS.contains(c.id())).toList();
            boolean recipientFailed = others.size() < failed.size();
            if (badge != null && recipientFailed && others.isEmpty()) {
                if (report.spec() == Spec.OB3 && !SubjectIdentity.namesAnEmail(input, baker)) {
                    List<Check> kept = report.checks().stream()
                            .filter(c -> !RecipientChecks.IDS.contains(c.id())).toList();
                    return new Accepted(badge, Verdict.VALID, RecipientStatus.NOT_LINKED, kept);
                }
                if (keepOtherRecipient) {
                    // Sound, but awarded to an address not confirmed as theirs: kept, the failed check saying why.
                    return new Accepted(badge, Verdict.VALID, RecipientStatus.NOT_CONFIRMED, report.checks());
                }
                throw refused("backpack.import.refused.other-recipient", failed);
            }
            if (report.verdict() == Verdict.INVALID) {
                // Without a readable badge (a JPEG, a refused address, broken JSON) "not valid" would mislead.
                throw refused(badge == null ? "backpack.import.refused.unreadable" : "backpack.import.refused.invalid",
                        failed);
            }
            // Indeterminate with nothing readable (the address did not answer): there is nothing to keep.
            throw refused("backpack.import.refused.unverifiable", report.checks().stream()
                    .filter(c -> c.status() != CheckStatus.PASSED).toList());
        }
        return new Accepted(badge, report.verdict(),
                RecipientChecks.passed(report) ? RecipientStatus.MATCHED : RecipientStatus.NOT_LINKED,
                report.checks());
    }

    private static ImportRefused refused(String key, List<Check> checks) {
        log.info("Import refused: {}", key);
        return new ImportRefused(Kind.INVALID, key, checks);
    }

    /**
     * The assertion or credential id when the badge has one: the same badge imported as an image, a JSON file
     * or its URL is then recognised. Otherwise a SHA-256 of the payload, unbaked from an image and, when JSON,
     * re-serialised compactly, so that whitespace differences do not make a second copy.
     */
    String fingerprint(BadgeInput input, BadgeView badge) {
        if (badge.id() != null) {
            return "id:" + badge.id();
        }
        String payload = payload(input).strip();
        if (payload.startsWith("{")) {
            try {
                payload = JSON.writeValueAsString(JSON.readTree(payload));
            } catch (JacksonException unreadable) {
                // Keep the text as is: the verifier read it, so this only loses whitespace normalisation.
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private String payload(BadgeInput input) {
        byte[] bytes = input.bytes();
        if (input.kind() == BadgeInput.Kind.FILE && ImageFormat.sniff(bytes).isPresent()) {
            try {
                return baker.unbake(bytes).text();
            } catch (BakingFailed unreadable) {
                return HexFormat.of().formatHex(bytes);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
