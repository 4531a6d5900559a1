package org.insigne.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.web.system.ApiLocale;
import org.insigne.web.verify.VerificationRateLimiter;
import org.insigne.web.verify.VerificationService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/verifications}: verify any Open Badge sent as a file (multipart {@code file}) or as JSON
 * ({@code url}, {@code assertion}, {@code credential}, {@code jws} or {@code jwt}, plus an optional
 * {@code recipient}). Answers the report with 200 whatever the verdict; 400, 413 or 415 only when the request
 * itself cannot be used. See docs/API.md.
 */
@RestController
@RequestMapping("/api/v1/verifications")
class VerificationApiController {

    static final int MAX_JSON_BYTES = 2 * 1024 * 1024;
    private static final Set<String> INPUTS = Set.of("url", "assertion", "credential", "jws", "jwt");
    private static final Set<String> FIELDS = Set.of("url", "assertion", "credential", "jws", "jwt", "recipient");
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64).maxStringLength(MAX_JSON_BYTES).build())
                    .build())
            .build();

    private final VerificationService verifications;
    private final VerificationRateLimiter limiter;

    VerificationApiController(VerificationService verifications, VerificationRateLimiter limiter) {
        this.verifications = verifications;
        this.limiter = limiter;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<VerificationResponse> verifyFile(@RequestParam("file") MultipartFile file,
                                                       @RequestParam(required = false) @Nullable String recipient,
                                                       HttpServletRequest http) throws IOException {
        if (file.isEmpty()) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.verification.file-empty");
        }
        VerificationRequest request = VerificationRequest.ofFile(file.getBytes()).withRecipient(blankToNull(recipient));
        return answer(request, http);
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/ld+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<VerificationResponse> verifyJson(HttpServletRequest http) throws IOException {
        JsonNode body = parse(readBounded(http.getInputStream()));
        if (!body.isObject()) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.verification.not-an-object");
        }
        List<String> unknown = body.propertyNames().stream().filter(n -> !FIELDS.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.verification.unknown-field", unknown.get(0));
        }
        List<String> given = INPUTS.stream().filter(body::has).sorted().toList();
        if (given.isEmpty()) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.verification.input-missing");
        }
        if (given.size() > 1) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.verification.input-ambiguous", String.join(", ", given));
        }
        String field = given.get(0);
        JsonNode value = body.get(field);
        VerificationRequest request = switch (field) {
            case "url" -> VerificationRequest.ofUrl(text(field, value));
            case "jws", "jwt" -> VerificationRequest.ofText(text(field, value));
            default -> {
                if (!value.isObject()) {
                    throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.verification.expected-object", field);
                }
                yield VerificationRequest.ofText(JSON.writeValueAsString(value));
            }
        };
        JsonNode recipient = body.get("recipient");
        if (recipient != null && !recipient.isNull()) {
            request = request.withRecipient(blankToNull(text("recipient", recipient)));
        }
        return answer(request, http);
    }

    private CompletableFuture<VerificationResponse> answer(VerificationRequest request, HttpServletRequest http) {
        if (!limiter.tryAcquire(http.getRemoteAddr())) {
            throw new ApiInputRejected(HttpStatus.TOO_MANY_REQUESTS, "api.verification.rate-limited",
                    limiter.secondsUntilReset());
        }
        Locale locale = ApiLocale.of(http);
        return verifications.verify(request).thenApply(report -> VerificationResponse.of(report, locale));
    }

    private static String text(String field, JsonNode value) {
        if (!value.isString()) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.verification.expected-string", field);
        }
        return value.asString();
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.verification.malformed-json");
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        if (bytes.length > MAX_JSON_BYTES) {
            throw new ApiInputRejected(HttpStatus.CONTENT_TOO_LARGE, "api.verification.too-large", MAX_JSON_BYTES / (1024 * 1024));
        }
        if (bytes.length == 0) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.verification.input-missing");
        }
        return bytes;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
