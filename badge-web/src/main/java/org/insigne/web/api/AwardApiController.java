package org.insigne.web.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.apitoken.ApiGrant;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.award.AwardFilter;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardPage;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardState;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.issuer.AwardNotifier;
import org.insigne.web.system.ApiLocale;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Awards through the issuer API: award one ({@code award}), read and list ({@code read}), revoke
 * ({@code revoke}). The earner is mailed as when awarding from the console.
 */
@RestController
@RequestMapping(path = "/api/v1/awards", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Awards")
class AwardApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY = 255;

    /** An award as the API shows it; {@code state} is {@code active}, {@code revoked} or {@code expired}. */
    record AwardJson(UUID id, UUID badgeClass, Recipient recipient, String level, @Nullable Evidence evidence,
                     Instant issuedOn, @Nullable Instant expiresAt, String state, @Nullable Instant revokedAt,
                     @Nullable String revocationReason, String assertionUrl, String credentialUrl) {

        static AwardJson of(AwardView a, HostedUrls urls, Instant now) {
            String state = a.revoked() ? "revoked"
                    : a.expiresAt() != null && !a.expiresAt().isAfter(now) ? "expired" : "active";
            Evidence evidence = a.evidenceUrl() == null && a.evidenceNarrative() == null ? null
                    : new Evidence(a.evidenceUrl(), a.evidenceNarrative());
            return new AwardJson(a.id().value(), a.badgeClass().value(),
                    new Recipient(a.recipientEmail(), a.recipientName()), a.level(), evidence, a.issuedOn(),
                    a.expiresAt(), state, a.revokedAt(), a.revocationReason(), urls.ob2Assertion(a.id().value()),
                    urls.ob3Credential(a.id().value()));
        }
    }

    record Recipient(@Nullable String email, @Nullable String name) {
    }

    record Evidence(@Nullable String url, @Nullable String narrative) {
    }

    /** One award to make; {@code issuedOn} defaults to today. */
    record AwardInput(@Nullable UUID badgeClass, @Nullable Recipient recipient, @Nullable String level,
                      @Nullable Evidence evidence, @Nullable LocalDate issuedOn) {

        AwardRequest request() {
            Recipient to = recipient == null ? new Recipient(null, null) : recipient;
            return new AwardRequest(UUID.randomUUID(), nonNull(to.email()), nonNull(to.name()), nonNull(level),
                    evidence == null ? null : evidence.url(), evidence == null ? null : evidence.narrative(),
                    issuedOn);
        }

        private static String nonNull(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    record RevokeInput(@Nullable String reason) {
    }

    private final AwardService awards;
    private final ApiAccess access;
    private final Links links;
    private final AwardNotifier notifier;
    private final java.time.Clock clock;

    AwardApiController(AwardService awards, ApiAccess access, Links links, AwardNotifier notifier,
                       java.time.Clock clock) {
        this.awards = awards;
        this.access = access;
        this.links = links;
        this.notifier = notifier;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Award a published badge class to one person (scope award). With an Idempotency-Key, "
            + "a replay of the same request answers the same award (200) instead of awarding again (201)",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY,
                    description = "Any text up to 255 printable ASCII characters, unique per award you mean"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AwardInput.class))))
    ResponseEntity<AwardJson> award(HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.AWARD);
        String key = idempotencyKey(request.getHeader(IDEMPOTENCY_KEY));
        AwardInput input = ApiBodies.json(request, AwardInput.class);
        if (input.badgeClass() == null) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.missing-field", "badgeClass");
        }
        BadgeClassId badgeClass = new BadgeClassId(input.badgeClass());
        BadgeClassView view = awards.checkCanAward(grant.organisation(), badgeClass, grant.actingUser());
        AwardRequest awardRequest = input.request();
        HostedUrls urls = links.hostedUrls();
        AwardView award;
        try {
            award = key == null
                    ? awards.award(grant.organisation(), badgeClass, grant.actingUser(), awardRequest, urls)
                    : awards.award(grant.organisation(), badgeClass, grant.actingUser(), key, awardRequest, urls);
        } catch (DataIntegrityViolationException raced) {
            if (key == null) {
                throw raced;
            }
            // Two first uses of one key at once: the other one won; this answers its award (or refuses).
            award = awards.award(grant.organisation(), badgeClass, grant.actingUser(), key, awardRequest, urls);
        }
        if (award.created()) {
            notifier.notify(award, view.content().name(), view.organisation().name(), ApiLocale.of(request));
        }
        return ResponseEntity.status(award.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(links.absolute("/api/v1/awards/" + award.id().value())))
                .body(AwardJson.of(award, urls, clock.instant()));
    }

    @GetMapping
    @Operation(summary = "List the organisation's awards, newest first, with filters and paging (scope read)")
    ResponseEntity<ApiPages.Page<AwardJson>> list(
            @Parameter(description = "Only awards of this badge class") @RequestParam(required = false) @Nullable String badgeClass,
            @Parameter(description = "active, revoked or expired") @RequestParam(required = false) @Nullable String state,
            @Parameter(description = "Only awards made at or after this instant (ISO 8601, e.g. 2026-12-01T00:00:00Z)")
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size,
            HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.READ);
        ApiPages.Request asked = ApiPages.of(page, size);
        AwardFilter filter = new AwardFilter(badgeClass == null ? null : new BadgeClassId(uuid("badgeClass", badgeClass)),
                state == null ? null : state(state), since == null ? null : instant("since", since));
        AwardPage found = awards.page(grant.organisation(), grant.actingUser(), filter, asked.index(), asked.size());
        HostedUrls urls = links.hostedUrls();
        Instant now = clock.instant();
        return ApiPages.answer(request, asked, found.awards().stream().map(a -> AwardJson.of(a, urls, now)).toList(),
                found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one award (scope read)")
    AwardJson read(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.READ);
        return AwardJson.of(awards.award(grant.organisation(), new AwardId(id), grant.actingUser()),
                links.hostedUrls(), clock.instant());
    }

    @PostMapping(path = "/{id}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke an award with a reason, which is published (scope revoke)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = RevokeInput.class))))
    AwardJson revoke(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.REVOKE);
        RevokeInput input = ApiBodies.json(request, RevokeInput.class);
        return AwardJson.of(awards.revoke(grant.organisation(), new AwardId(id), grant.actingUser(),
                input.reason() == null ? "" : input.reason()), links.hostedUrls(), clock.instant());
    }

    private static @Nullable String idempotencyKey(@Nullable String header) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty() || header.length() > MAX_KEY || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.award.idempotency-key-invalid", MAX_KEY);
        }
        return header;
    }

    private static AwardState state(String value) {
        for (AwardState state : AwardState.values()) {
            if (state.name().toLowerCase(Locale.ROOT).equals(value)) {
                return state;
            }
        }
        throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.parameter.invalid", "state");
    }

    static UUID uuid(String name, String value) {
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.parameter.invalid", name);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.parameter.invalid", name);
        }
    }
}
