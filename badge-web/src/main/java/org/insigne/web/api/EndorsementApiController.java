package org.insigne.web.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.apitoken.ApiGrant;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.endorsement.EndorsementId;
import org.insigne.issuer.endorsement.EndorsementNotFound;
import org.insigne.issuer.endorsement.EndorsementService;
import org.insigne.issuer.endorsement.EndorsementView;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
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
 * Endorsements through the issuer API: those the organisation gave or was asked for, and those it received or
 * asked for, listed and read ({@code read}); as the endorser, accepting a request with a comment, declining it,
 * or withdrawing a published endorsement ({@code manage}), through the console's service calls.
 */
@RestController
@RequestMapping(path = "/api/v1/endorsements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Endorsements")
class EndorsementApiController {

    /**
     * An endorsement; {@code direction} is {@code given} when the token's organisation is the endorser,
     * {@code received} when it is endorsed; {@code state} is {@code requested}, {@code accepted},
     * {@code declined}, {@code withdrawn} or {@code expired} (a request past its date).
     */
    record EndorsementJson(UUID id, String direction, Party endorser, Endorsed endorsed, String state,
                           @Nullable String comment, Instant createdAt, @Nullable Instant expiresAt,
                           @Nullable Instant decidedAt, @Nullable Instant withdrawnAt,
                           @Nullable String credentialUrl, @Nullable String assertionUrl) {

        static EndorsementJson of(EndorsementView e, String direction, HostedUrls urls) {
            boolean signed = e.decidedAt() != null && (e.published() || e.withdrawnAt() != null);
            return new EndorsementJson(e.id().value(), direction, new Party(e.endorserId(), e.endorserName()),
                    new Endorsed(e.endorsedKind().name().toLowerCase(Locale.ROOT), e.endorsedId(),
                            e.endorsedOrganisationId(), e.endorsedName()),
                    e.state().toLowerCase(Locale.ROOT), e.comment(), e.createdAt(), e.expiresAt(), e.decidedAt(),
                    e.withdrawnAt(), signed ? urls.ob3Endorsement(e.id().value()) : null,
                    signed ? urls.ob2Endorsement(e.id().value()) : null);
        }
    }

    record Party(UUID id, String name) {
    }

    /** {@code kind} is {@code organisation} (its issuer profile) or {@code badge_class}. */
    record Endorsed(String kind, UUID id, UUID organisationId, String name) {
    }

    /** Accepting a request: the endorsement's text (Markdown), published with it. */
    record AcceptInput(@Nullable String comment) {
    }

    private static final String GIVEN = "given";
    private static final String RECEIVED = "received";

    private final EndorsementService endorsements;
    private final ApiAccess access;
    private final Links links;

    EndorsementApiController(EndorsementService endorsements, ApiAccess access, Links links) {
        this.endorsements = endorsements;
        this.access = access;
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "List the endorsements the organisation gave or was asked for, and those it received or "
            + "asked for, newest first, with filters and paging (scope read)")
    ResponseEntity<ApiPages.Page<EndorsementJson>> list(
            @Parameter(description = "given or received (default: both)")
            @RequestParam(required = false) @Nullable String direction,
            @Parameter(description = "requested, accepted, declined, withdrawn or expired")
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size,
            HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.READ);
        ApiPages.Request asked = ApiPages.of(page, size);
        if (direction != null && !direction.equals(GIVEN) && !direction.equals(RECEIVED)) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.parameter.invalid", "direction");
        }
        if (state != null && !List.of("requested", "accepted", "declined", "withdrawn", "expired").contains(state)) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.parameter.invalid", "state");
        }
        List<EndorsementJson> all = all(grant).filter(e -> direction == null || e.direction().equals(direction))
                .filter(e -> state == null || e.state().equals(state))
                .sorted(Comparator.comparing(EndorsementJson::createdAt).reversed().thenComparing(EndorsementJson::id))
                .toList();
        return ApiPages.slice(request, asked, all);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one endorsement given or received (scope read)")
    EndorsementJson read(@PathVariable UUID id, HttpServletRequest request) {
        return one(access.require(request, ApiScope.READ), new EndorsementId(id));
    }

    @PostMapping(path = "/{id}/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "As the endorser, accept a request with the endorsement's comment: it is signed and "
            + "published (scope manage)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AcceptInput.class))))
    EndorsementJson accept(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        AcceptInput input = ApiBodies.json(request, AcceptInput.class);
        HostedUrls urls = links.hostedUrls();
        return EndorsementJson.of(endorsements.accept(grant.organisation(), new EndorsementId(id), grant.actingUser(),
                input.comment() == null ? "" : input.comment(), urls), GIVEN, urls);
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "As the endorser, decline a request (scope manage)")
    EndorsementJson decline(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        endorsements.decline(grant.organisation(), new EndorsementId(id), grant.actingUser());
        return one(grant, new EndorsementId(id));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "As the endorser, withdraw a published endorsement: its credential is revoked "
            + "(scope manage)")
    EndorsementJson withdraw(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        return EndorsementJson.of(endorsements.withdraw(grant.organisation(), new EndorsementId(id),
                grant.actingUser()), GIVEN, links.hostedUrls());
    }

    private Stream<EndorsementJson> all(ApiGrant grant) {
        HostedUrls urls = links.hostedUrls();
        return Stream.concat(
                endorsements.given(grant.organisation(), grant.actingUser()).stream()
                        .map(e -> EndorsementJson.of(e, GIVEN, urls)),
                endorsements.received(grant.organisation(), grant.actingUser()).stream()
                        .map(e -> EndorsementJson.of(e, RECEIVED, urls)));
    }

    private EndorsementJson one(ApiGrant grant, EndorsementId id) {
        return all(grant).filter(e -> e.id().equals(id.value())).findFirst()
                .orElseThrow(() -> new EndorsementNotFound(id));
    }
}
