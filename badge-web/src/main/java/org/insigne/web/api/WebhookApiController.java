package org.insigne.web.api;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.apitoken.ApiGrant;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.webhook.InvalidWebhook;
import org.insigne.issuer.webhook.WebhookAttemptView;
import org.insigne.issuer.webhook.WebhookEndpointId;
import org.insigne.issuer.webhook.WebhookEndpointView;
import org.insigne.issuer.webhook.WebhookEvent;
import org.insigne.issuer.webhook.WebhookSecretIssued;
import org.insigne.issuer.webhook.WebhookService;
import org.insigne.web.issuer.WebhookDispatcher;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's webhook endpoints through the issuer API, all under {@code manage}: register one (its
 * secret is in that answer only), list and read them, read an endpoint's delivery log, send a delivery again,
 * rotate the secret (the new one shown once), delete. The address is checked as the console checks it, before
 * anything is stored.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks")
class WebhookApiController {

    /** An endpoint, never with its secret; {@code disabledReason} is {@code manual} or {@code failing}. */
    record EndpointJson(UUID id, String url, List<String> events, Instant createdAt, boolean enabled,
                        @Nullable Instant disabledAt, @Nullable String disabledReason,
                        @Nullable Instant previousSecretUntil) {

        static EndpointJson of(WebhookEndpointView e) {
            return new EndpointJson(e.id().value(), e.url(), e.eventList().stream().map(WebhookEvent::code).toList(),
                    e.createdAt(), !e.disabled(), e.disabledAt(),
                    e.disabledReason() == null ? null : e.disabledReason().toLowerCase(Locale.ROOT),
                    e.previousSecretUntil());
        }
    }

    /** An endpoint with the secret just made for it: {@code whsec_} and the base64 key, shown this once. */
    record IssuedJson(EndpointJson endpoint, String secret) {

        static IssuedJson of(WebhookSecretIssued issued) {
            return new IssuedJson(EndpointJson.of(issued.endpoint()), issued.secret());
        }
    }

    /**
     * One attempt of the delivery log: {@code statusCode} null when no answer came ({@code failure} says why);
     * {@code deliveryState} is where that delivery stands now.
     */
    record AttemptJson(UUID deliveryId, String messageId, String event, Instant attemptedAt,
                       @Nullable Integer statusCode, int latencyMillis, @Nullable String failure,
                       String responseExcerpt, String deliveryState) {

        static AttemptJson of(WebhookAttemptView a) {
            return new AttemptJson(a.deliveryId(), a.messageId(), a.eventType(), a.attemptedAt(), a.statusCode(),
                    a.latencyMillis(), a.failure(), a.responseExcerpt(), a.deliveryState().toLowerCase(Locale.ROOT));
        }
    }

    /** Registering: the https address and the event codes it wants. */
    record EndpointInput(@Nullable String url, @Nullable List<String> events) {
    }

    private final WebhookService webhooks;
    private final WebhookDispatcher dispatcher;
    private final ApiAccess access;
    private final Links links;

    WebhookApiController(WebhookService webhooks, WebhookDispatcher dispatcher, ApiAccess access, Links links) {
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.access = access;
        this.links = links;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an https endpoint for some events; the answer holds its signing secret, "
            + "shown this once (scope manage)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = EndpointInput.class))))
    ResponseEntity<IssuedJson> register(HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        EndpointInput input = ApiBodies.json(request, EndpointInput.class);
        if (input.url() == null) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.missing-field", "url");
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String code : input.events() == null ? List.<String>of() : input.events()) {
            events.add(WebhookEvent.of(code == null ? "" : code).orElseThrow(() -> new InvalidWebhook("events")));
        }
        URI url = webhooks.checkedUrl(input.url());
        if (events.isEmpty()) {
            throw new InvalidWebhook("events");
        }
        // Refused before anything is stored: a private address would never receive anything.
        dispatcher.refusal(url).ifPresent(key -> {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, key);
        });
        WebhookSecretIssued issued = webhooks.create(grant.organisation(), grant.actingUser(), url.toString(), events,
                links.absolute(""));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(links.absolute("/api/v1/webhooks/" + issued.endpoint().id().value())))
                .body(IssuedJson.of(issued));
    }

    @GetMapping
    @Operation(summary = "List the organisation's endpoints, oldest first, paged (scope manage)")
    ResponseEntity<ApiPages.Page<EndpointJson>> list(@RequestParam(required = false) @Nullable String page,
                                                     @RequestParam(required = false) @Nullable String size,
                                                     HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        ApiPages.Request asked = ApiPages.of(page, size);
        return ApiPages.slice(request, asked, webhooks.endpoints(grant.organisation(), grant.actingUser()).stream()
                .map(EndpointJson::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one endpoint (scope manage)")
    EndpointJson read(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        return EndpointJson.of(webhooks.endpoint(grant.organisation(), grant.actingUser(), new WebhookEndpointId(id)));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's delivery log: its 50 latest attempts, newest first, paged (scope manage)")
    ResponseEntity<ApiPages.Page<AttemptJson>> deliveries(@PathVariable UUID id,
                                                          @RequestParam(required = false) @Nullable String page,
                                                          @RequestParam(required = false) @Nullable String size,
                                                          HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        ApiPages.Request asked = ApiPages.of(page, size);
        return ApiPages.slice(request, asked, webhooks.attempts(grant.organisation(), grant.actingUser(),
                new WebhookEndpointId(id)).stream().map(AttemptJson::of).toList());
    }

    @PostMapping("/{id}/deliveries/{delivery}/redeliver")
    @Operation(summary = "Send a delivery again now, whatever became of it; refused while the endpoint is "
            + "disabled (scope manage)")
    ResponseEntity<Void> redeliver(@PathVariable UUID id, @PathVariable UUID delivery, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        webhooks.redeliver(grant.organisation(), grant.actingUser(), new WebhookEndpointId(id), delivery);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "Make a new signing secret, shown this once; the previous one still signs for a while "
            + "(scope manage)")
    IssuedJson rotate(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        return IssuedJson.of(webhooks.rotate(grant.organisation(), grant.actingUser(), new WebhookEndpointId(id)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete the endpoint, what waited for it and its log (scope manage)")
    ResponseEntity<Void> delete(@PathVariable UUID id, HttpServletRequest request) {
        ApiGrant grant = access.require(request, ApiScope.MANAGE);
        webhooks.delete(grant.organisation(), grant.actingUser(), new WebhookEndpointId(id));
        return ResponseEntity.noContent().build();
    }
}
