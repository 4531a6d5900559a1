package org.insigne.web.backpack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeExport;
import org.insigne.backpack.badge.BadgeId;
import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.badge.BadgeNotFound;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.backpack.imports.ImportRefused;
import org.insigne.backpack.imports.ImportService;
import org.insigne.core.baking.Baker;
import org.insigne.core.error.DomainException;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.HttpDocumentFetcher;
import org.insigne.core.verification.Check;
import org.insigne.web.account.AccountUser;
import org.insigne.web.system.DisplayDates;
import org.insigne.web.verify.BadgeCard;
import org.insigne.web.verify.VerificationService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The earner's backpack: the list with the import form, one page per badge, its image, and the actions on
 * it. Verifications (import and re-check) run off the request thread; ownership is the services' business.
 */
@Controller
class BackpackController {

    /** A check as the page shows it: its text already in the reader's language. */
    record CheckLine(String id, String status, String message) {
    }

    private final VerificationService verifications;
    private final ImportService imports;
    private final BackpackService collection;
    private final BadgeSharing sharing;
    private final EarnerVerifications earners;
    private final Baker baker;
    private final HttpDocumentFetcher fetcher;
    private final AsyncTaskExecutor executor;
    private final DisplayDates dates;

    BackpackController(VerificationService verifications, ImportService imports, BackpackService collection,
                       BadgeSharing sharing, EarnerVerifications earners, Baker baker, HttpDocumentFetcher fetcher,
                       @Qualifier("verificationExecutor") AsyncTaskExecutor executor, DisplayDates dates) {
        this.dates = dates;
        this.fetcher = fetcher;
        this.executor = executor;
        this.earners = earners;
        this.baker = baker;
        this.verifications = verifications;
        this.imports = imports;
        this.collection = collection;
        this.sharing = sharing;
    }

    @GetMapping("/backpack")
    String backpack(@AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("badges", collection.badgesOf(user.id()));
        return "backpack/backpack";
    }

    @PostMapping("/backpack/import")
    CompletableFuture<String> importBadge(ImportForm form, @AuthenticationPrincipal AccountUser user, Locale locale,
                                          Model model, HttpServletResponse response) throws IOException {
        model.addAttribute("pasted", form.pastedToShow());
        BadgeInput input = form.toInput();
        if (input == null) {
            return CompletableFuture.completedFuture(
                    refused("backpack.import.refused.nothing", List.of(), 400, user, locale, model, response));
        }
        try {
            ImportService.requireUsable(input);
        } catch (ImportRefused refusal) {
            return CompletableFuture.completedFuture(refused(refusal, user, locale, model, response));
        }
        return EarnerVerifications.firstMatching(verifications::verify, input::toRequest, earners.addressesOf(user))
                .thenApply(report -> {
            try {
                StoredBadgeView stored = imports.importBadge(user.id(), input, report);
                return "redirect:/backpack/badges/" + stored.id().value() + "?imported";
            } catch (ImportRefused refusal) {
                return refused(refusal, user, locale, model, response);
            } catch (DataIntegrityViolationException sameBadgeTwiceAtOnce) {
                // Two imports of one badge racing past the duplicate check: the unique constraint had the last word.
                return refused("backpack.import.refused.duplicate", List.of(), 409, user, locale, model, response);
            }
        });
    }

    @GetMapping("/backpack/badges/{id}")
    String badge(@PathVariable BadgeId id, @AuthenticationPrincipal AccountUser user, Locale locale, Model model) {
        StoredBadgeView badge = collection.badge(user.id(), id);
        model.addAttribute("badge", badge);
        model.addAttribute("criteriaHtml", BadgeCard.criteriaHtml(badge.criteriaNarrative()));
        model.addAttribute("checks", lines(badge.lastChecks(), locale, dates));
        model.addAttribute("downloads", BadgeDownloads.available(collection.export(user.id(), badge.id()), baker));
        model.addAttribute("certificateNames", BadgeCertificates.choices(user.displayName()));
        if (badge.shared()) {
            model.addAttribute("share", sharing.links(badge.name(), badge.issuerName(), badge.issuedOn(),
                    badge.publicId(), badge.hasImage(), locale));
            model.addAttribute("shortUrl", sharing.shortUrl(badge.publicId()));
        }
        return "backpack/badge";
    }

    @GetMapping("/backpack/badges/{id}/image")
    ResponseEntity<byte[]> image(@PathVariable BadgeId id, @AuthenticationPrincipal AccountUser user) {
        return BadgeImages.serve(collection.image(user.id(), id));
    }

    @PostMapping("/backpack/badges/{id}/recheck")
    CompletableFuture<String> recheck(@PathVariable("id") BadgeId badge, @AuthenticationPrincipal AccountUser user) {
        return EarnerVerifications.firstMatching(verifications::verify,
                        recipient -> collection.recheckRequest(user.id(), badge, recipient), earners.addressesOf(user))
                .thenApply(report -> {
                    collection.recordCheck(user.id(), badge, report);
                    return "redirect:/backpack/badges/" + badge.value() + "?rechecked";
                });
    }

    /** The original as imported, the baked image or the OB 3.0 JSON, as an attachment; 404 when not offered. */
    @GetMapping("/backpack/badges/{id}/download/{file}")
    ResponseEntity<byte[]> download(@PathVariable BadgeId id, @PathVariable String file,
                                    @AuthenticationPrincipal AccountUser user) {
        return BadgeDownloads.find(file, collection.export(user.id(), id), baker)
                .map(BadgeDownloads::serve).orElseThrow(BadgeNotFound::new);
    }

    /**
     * A badge kept as JSON or JWS text, baked into its issuer's image: the image is fetched now, off the request
     * thread and through the bounded fetcher (a {@code data:} image is decoded instead).
     */
    @GetMapping("/backpack/badges/{id}/download/baked")
    CompletableFuture<ResponseEntity<byte[]>> bakedOnDemand(@PathVariable BadgeId id,
                                                            @AuthenticationPrincipal AccountUser user) {
        BadgeExport badge = collection.export(user.id(), id);
        if (!BadgeDownloads.canBakeOnDemand(badge)) {
            throw new BadgeNotFound();
        }
        URI image = badge.badge().imageUrl();
        return CompletableFuture.supplyAsync(() -> {
            String document = BadgeDownloads.bakesFetchedDocument(badge)
                    ? fetchedDocument(new String(badge.original(), StandardCharsets.UTF_8).strip())
                    : new String(badge.original(), StandardCharsets.UTF_8);
            return BadgeDownloads.bakeInto(badge, document, imageBytes(image), baker)
                    .map(BadgeDownloads::serve).orElseThrow(BadgeImageUnavailable::new);
        }, executor);
    }

    /** The assertion a badge imported by URL has at that address now, through the bounded fetcher. */
    private String fetchedDocument(String address) {
        try {
            return new String(fetcher.fetch(URI.create(address), DocumentFetcher.Expect.JSON).body(),
                    StandardCharsets.UTF_8);
        } catch (FetchFailed | IllegalArgumentException unavailable) {
            throw new BadgeImageUnavailable();
        }
    }

    private byte[] imageBytes(URI image) {
        String text = image.toString();
        if (text.startsWith("data:")) {
            int comma = text.indexOf(',');
            if (comma < 0 || !text.substring(0, comma).endsWith(";base64")) {
                throw new BadgeImageUnavailable();
            }
            try {
                return Base64.getDecoder().decode(text.substring(comma + 1));
            } catch (IllegalArgumentException malformed) {
                throw new BadgeImageUnavailable();
            }
        }
        try {
            return fetcher.fetch(image, DocumentFetcher.Expect.IMAGE).body();
        } catch (FetchFailed unavailable) {
            throw new BadgeImageUnavailable();
        }
    }

    @PostMapping("/backpack/badges/{id}/visibility")
    String visibility(@PathVariable("id") BadgeId badge, @RequestParam boolean shared, @AuthenticationPrincipal AccountUser user) {
        if (shared) {
            collection.makePublic(user.id(), badge);
        } else {
            collection.makePrivate(user.id(), badge);
        }
        return "redirect:/backpack/badges/" + badge.value();
    }

    @PostMapping("/backpack/badges/{id}/delete")
    String delete(@PathVariable BadgeId id, @AuthenticationPrincipal AccountUser user) {
        collection.delete(user.id(), id);
        return "redirect:/backpack?deleted";
    }

    /** A malformed id in a form's list is a badge that does not exist: 404, like any other guess. */
    static BadgeId badgeId(String id) {
        try {
            return new BadgeId(UUID.fromString(id));
        } catch (IllegalArgumentException malformed) {
            throw new BadgeNotFound();
        }
    }

    private String refused(ImportRefused refusal, AccountUser user, Locale locale, Model model,
                           HttpServletResponse response) {
        int status = refusal.kind() == DomainException.Kind.CONFLICT ? 409 : 400;
        return refused(refusal.messageKey(), refusal.checks(), status, user, locale, model, response);
    }

    private String refused(String key, List<Check> checks, int status, AccountUser user, Locale locale, Model model,
                           HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("importError", key);
        model.addAttribute("importChecks", lines(checks, locale, dates));
        model.addAttribute("badges", collection.badgesOf(user.id()));
        return "backpack/backpack";
    }

    private static List<CheckLine> lines(List<Check> checks, Locale locale, DisplayDates dates) {
        return checks.stream()
                .map(c -> new CheckLine(c.id(), c.status().name().toLowerCase(Locale.ROOT),
                        dates.message(c, locale)))
                .toList();
    }
}
