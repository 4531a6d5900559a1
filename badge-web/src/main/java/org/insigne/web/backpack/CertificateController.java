package org.insigne.web.backpack;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.insigne.backpack.badge.BadgeId;
import org.insigne.web.account.AccountUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The PDF certificate of a badge, for its owner only, in the language of the request. */
@Controller
class CertificateController {

    private final BadgeCertificates certificates;

    CertificateController(BadgeCertificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/backpack/badges/{id}/certificate")
    CompletableFuture<ResponseEntity<byte[]>> certificate(@PathVariable BadgeId id,
                                                          @RequestParam(required = false) @Nullable String name,
                                                          @AuthenticationPrincipal AccountUser user, Locale locale) {
        return certificates.certificate(id, user.id(), user.displayName(), BadgeCertificates.EarnerName.of(name),
                        locale)
                .thenApply(certificate -> BadgeListPdfs.attachment(certificate.fileName(), certificate.pdf()));
    }
}
