package org.insigne.web.verify;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.jspecify.annotations.Nullable;
import org.insigne.web.system.DisplayDates;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Vérifier un badge": anyone drops a file or pastes a URL, JSON or JWT and reads the same report as the API
 * gives, check by check. The verification runs off the request thread.
 */
@Controller
class VerifyController {

    static final int MAX_PASTED_CHARS = 2 * 1024 * 1024;

    /** A check as the page shows it: its text already in the reader's language. */
    record CheckLine(String id, String status, String message) {
    }

    private final VerificationService verifications;
    private final VerificationRateLimiter limiter;
    private final DisplayDates dates;

    VerifyController(VerificationService verifications, VerificationRateLimiter limiter, DisplayDates dates) {
        this.verifications = verifications;
        this.limiter = limiter;
        this.dates = dates;
    }

    @GetMapping("/verify")
    String form() {
        return "verify/verify";
    }

    @PostMapping("/verify")
    CompletableFuture<String> verify(@RequestParam(required = false) @Nullable MultipartFile file,
                                     @RequestParam(defaultValue = "") String pasted,
                                     @RequestParam(defaultValue = "") String recipient,
                                     Locale locale, Model model, HttpServletRequest http,
                                     HttpServletResponse response) throws IOException {
        if (!limiter.tryAcquire(http.getRemoteAddr())) {
            response.setHeader("Retry-After", String.valueOf(limiter.secondsUntilReset()));
            return refuse("verify.error.rate-limited", HttpStatus.TOO_MANY_REQUESTS, model, response);
        }
        VerificationRequest request;
        String text = pasted.strip();
        if (file != null && !file.isEmpty()) {
            request = VerificationRequest.ofFile(file.getBytes());
        } else if (text.length() > MAX_PASTED_CHARS) {
            return refuse("verify.error.too-long", HttpStatus.BAD_REQUEST, model, response);
        } else if (!text.isEmpty()) {
            // A URL, JSON or a JWT: the core's verifier tells them apart.
            request = VerificationRequest.ofText(text);
        } else {
            return refuse("verify.error.nothing", HttpStatus.BAD_REQUEST, model, response);
        }
        if (!recipient.isBlank()) {
            request = request.withRecipient(recipient.strip());
        }
        model.addAttribute("pasted", text.length() <= 2000 ? text : "");
        model.addAttribute("recipient", recipient);
        return verifications.verify(request).thenApply(report -> {
            model.addAttribute("report", report);
            model.addAttribute("card", BadgeCard.of(report, locale).orElse(null));
            model.addAttribute("checks", report.checks().stream()
                    .map(c -> new CheckLine(c.id(), c.status().name().toLowerCase(Locale.ROOT),
                            dates.message(c, locale)))
                    .toList());
            // Without a badge to show (a host that says only "revoked"), the verdict still says revoked.
            boolean revoked = BadgeCard.statusOf(report.verdict(), report.checks()) == BadgeCard.Status.REVOKED;
            model.addAttribute("verdict", revoked ? "revoked" : report.verdict().name().toLowerCase(Locale.ROOT));
            return "verify/verify";
        });
    }

    private static CompletableFuture<String> refuse(String key, HttpStatus status, Model model,
                                                    HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("inputError", key);
        return CompletableFuture.completedFuture("verify/verify");
    }

}
