package org.insigne.web.ob3api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.imports.ImportRefused;
import org.insigne.backpack.imports.ImportService;
import org.insigne.core.error.DomainException;
import org.insigne.web.account.AccountService;
import org.insigne.web.backpack.EarnerVerifications;
import org.insigne.web.verify.VerificationService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code getCredentials} and {@code upsertCredential} (OB 3.0 §6.2.3–4) over the earner's backpack. An
 * upserted credential goes through the same verification and rules as any import and is kept byte for byte;
 * the verification runs off the request thread.
 */
@RestController
class CredentialsApiController {

    private static final Logger log = LoggerFactory.getLogger(CredentialsApiController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final HeldCredentials held;
    private final VerificationService verifications;
    private final ImportService imports;
    private final AccountService accounts;
    private final ImsxErrors errors;

    CredentialsApiController(HeldCredentials held, VerificationService verifications, ImportService imports,
                             AccountService accounts, ImsxErrors errors) {
        this.held = held;
        this.verifications = verifications;
        this.imports = imports;
        this.accounts = accounts;
        this.errors = errors;
    }

    @GetMapping(value = Ob3Api.CREDENTIALS)
    ResponseEntity<?> credentials(@RequestParam(required = false) @Nullable String limit,
                                  @RequestParam(required = false) @Nullable String offset,
                                  @RequestParam(required = false) @Nullable String since,
                                  Authentication earner, HttpServletRequest request) {
        int pageSize;
        int start;
        Instant after;
        try {
            pageSize = limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit);
            start = offset == null ? 0 : Integer.parseInt(offset);
            after = since == null ? null : Instant.parse(since);
        } catch (NumberFormatException | DateTimeParseException malformed) {
            return errors.answer(request, HttpStatus.BAD_REQUEST, "invalid_query_parameter",
                    "ob3api.error.query-parameter");
        }
        if (pageSize < 1 || pageSize > MAX_LIMIT || start < 0) {
            return errors.answer(request, HttpStatus.BAD_REQUEST, "invalid_query_parameter",
                    "ob3api.error.query-parameter");
        }
        List<HeldCredentials.Held> all = held.of(UUID.fromString(earner.getName()), after);
        List<HeldCredentials.Held> page = all.subList(Math.min(start, all.size()),
                Math.min(start + pageSize, all.size()));
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(all.size()))
                .header("Link", Paging.links(ServletUriComponentsBuilder.fromCurrentRequest(), all.size(), start,
                        pageSize))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(page));
    }

    /**
     * The response written by hand: each JSON credential goes in exactly as kept, since parsing and writing
     * it again could change the bytes its proof covers.
     */
    private static String body(List<HeldCredentials.Held> page) {
        StringBuilder json = new StringBuilder("{\"credential\":[");
        String separator = "";
        for (HeldCredentials.Held credential : page) {
            if (credential.json()) {
                json.append(separator).append(credential.text());
                separator = ",";
            }
        }
        json.append("],\"compactJwsString\":[");
        separator = "";
        for (HeldCredentials.Held credential : page) {
            if (!credential.json()) {
                json.append(separator).append(JSON.writeValueAsString(credential.text()));
                separator = ",";
            }
        }
        return json.append("]}").toString();
    }

    @PostMapping(Ob3Api.CREDENTIALS)
    CompletableFuture<ResponseEntity<?>> upsert(Authentication earner, HttpServletRequest request)
            throws IOException {
        // Read one byte more than the backpack keeps, so that a larger body is refused without being read whole.
        byte[] body = request.getInputStream().readNBytes(BadgeInput.MAX_BYTES + 1);
        BadgeInput input = new BadgeInput(BadgeInput.Kind.TEXT, body);
        try {
            ImportService.requireUsable(input);
        } catch (ImportRefused refused) {
            return CompletableFuture.completedFuture(refusal(request, refused));
        }
        UUID owner = UUID.fromString(earner.getName());
        MediaType type = input.bytes().length > 0 && input.bytes()[0] == '{' ? MediaType.APPLICATION_JSON
                : MediaType.TEXT_PLAIN;
        return EarnerVerifications.firstMatching(verifications::verify, input::toRequest,
                        accounts.confirmedAddresses(owner))
                .thenApply(report -> {
                    try {
                        ImportService.Kept kept = imports.upsert(owner, input, report);
                        log.info("Credential {} {} through the API", kept.badge().id().value(),
                                kept.added() ? "added" : "replaced");
                        return ResponseEntity.status(kept.added() ? HttpStatus.CREATED : HttpStatus.OK)
                                .contentType(type).<Object>body(new String(body, StandardCharsets.UTF_8));
                    } catch (ImportRefused refused) {
                        return refusal(request, refused);
                    } catch (DataIntegrityViolationException sameCredentialTwiceAtOnce) {
                        return ResponseEntity.ok().contentType(type).<Object>body(new String(body,
                                StandardCharsets.UTF_8));
                    }
                });
    }

    private ResponseEntity<?> refusal(HttpServletRequest request, DomainException refused) {
        return errors.answer(request, HttpStatus.BAD_REQUEST, "invalid_data", refused.messageKey(),
                refused.args().toArray());
    }
}
