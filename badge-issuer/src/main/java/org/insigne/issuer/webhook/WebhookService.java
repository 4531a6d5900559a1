package org.insigne.issuer.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.insigne.issuer.key.KeyVault;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's webhook endpoints, for owners and administrators: register one (its secret shown once),
 * list them with their delivery log, rotate the secret, disable, enable, delete, and send a delivery again.
 * Whether the URL's host resolves to a public address is checked by the caller, with the sender's rules,
 * before {@link #create}; the sender checks it again before every delivery.
 */
@Service
@Transactional(readOnly = true)
public class WebhookService {

    public static final int MAX_URL = 2000;
    public static final int MAX_ENDPOINTS = 20;
    /** Attempts shown in an endpoint's log, newest first. */
    public static final int LOG_SIZE = 50;

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;

    private final WebhookEndpointRepository endpoints;
    private final WebhookOutbox outbox;
    private final OrganisationService organisations;
    private final KeyVault vault;
    private final Clock clock;
    private final boolean allowHttp;
    private final Duration rotationOverlap;

    WebhookService(WebhookEndpointRepository endpoints, WebhookOutbox outbox, OrganisationService organisations,
                   KeyVault vault, Clock clock, @Value("${insigne.webhooks.allow-http:false}") boolean allowHttp,
                   @Value("${insigne.webhooks.rotation-overlap:24h}") Duration rotationOverlap) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.organisations = organisations;
        this.vault = vault;
        this.clock = clock;
        this.allowHttp = allowHttp;
        this.rotationOverlap = rotationOverlap;
    }

    /**
     * The URL as an endpoint may have it: absolute https (http only where {@code insigne.webhooks.allow-http}
     * says so, for tests), with a host, without user info or fragment, at most {@value #MAX_URL} characters.
     */
    public URI checkedUrl(String url) {
        String stripped = url == null ? "" : url.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_URL) {
            throw new InvalidWebhook("url");
        }
        URI uri;
        try {
            uri = new URI(stripped);
        } catch (URISyntaxException e) {
            throw new InvalidWebhook("url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidWebhook("url");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw new InvalidWebhook("https");
        }
        return uri;
    }

    /**
     * Registers an endpoint for {@code events}; the answer holds its secret, which is never shown again.
     * {@code consoleBase} is the platform's address, for links in mails about the endpoint.
     */
    @Transactional
    public WebhookSecretIssued create(OrganisationId organisation, UUID userId, String url, Set<WebhookEvent> events,
                                      String consoleBase) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        URI uri = checkedUrl(url);
        if (events.isEmpty()) {
            throw new InvalidWebhook("events");
        }
        if (endpoints.countByOrganisationId(organisation.value()) >= MAX_ENDPOINTS) {
            throw new InvalidWebhook("too-many");
        }
        UUID id = UUID.randomUUID();
        byte[] secret = newSecret();
        WebhookEndpoint endpoint = endpoints.save(new WebhookEndpoint(id, organisation, uri.toString(), events,
                vault.seal(id, secret), consoleBase, userId, clock.instant()));
        log.info("Webhook endpoint {} registered in organisation {} by user {}", id, organisation.value(), userId);
        return new WebhookSecretIssued(endpoint.view(clock.instant()), WebhookSignature.shown(secret));
    }

    /** The organisation's endpoints, oldest first; owners and administrators only. */
    public List<WebhookEndpointView> endpoints(OrganisationId organisation, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        Instant now = clock.instant();
        return endpoints.findByOrganisationIdOrderByCreatedAtAsc(organisation.value()).stream()
                .map(e -> e.view(now)).toList();
    }

    /** One endpoint; owners and administrators only. */
    public WebhookEndpointView endpoint(OrganisationId organisation, UUID userId, WebhookEndpointId id) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        return load(organisation, id).view(clock.instant());
    }

    /** The {@value #LOG_SIZE} latest attempts to deliver to an endpoint, newest first. */
    public List<WebhookAttemptView> attempts(OrganisationId organisation, UUID userId, WebhookEndpointId id) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        load(organisation, id);
        return outbox.attempts(id, LOG_SIZE);
    }

    /**
     * A new secret, shown once; deliveries carry a signature with the previous one too for
     * {@code insigne.webhooks.rotation-overlap}, time for the receiver to take the new one.
     */
    @Transactional
    public WebhookSecretIssued rotate(OrganisationId organisation, UUID userId, WebhookEndpointId id) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        WebhookEndpoint endpoint = load(organisation, id);
        byte[] secret = newSecret();
        Instant now = clock.instant();
        endpoint.rotate(vault.seal(id.value(), secret), now.plus(rotationOverlap));
        log.info("Webhook endpoint {} secret rotated by user {}", id.value(), userId);
        return new WebhookSecretIssued(endpoint.view(now), WebhookSignature.shown(secret));
    }

    /** Stops deliveries to the endpoint; what was not delivered waits, and no new event is queued for it. */
    @Transactional
    public void disable(OrganisationId organisation, UUID userId, WebhookEndpointId id) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        if (load(organisation, id).disable(clock.instant(), WebhookEndpoint.MANUAL)) {
            log.info("Webhook endpoint {} disabled by user {}", id.value(), userId);
        }
    }

    /** Delivers again: what waited is sent at once, with a full retry period before it. */
    @Transactional
    public void enable(OrganisationId organisation, UUID userId, WebhookEndpointId id) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        if (load(organisation, id).enable()) {
            outbox.resumeAll(id);
            log.info("Webhook endpoint {} enabled by user {}", id.value(), userId);
        }
    }

    /** Deletes the endpoint, its outbox rows and its log. */
    @Transactional
    public void delete(OrganisationId organisation, UUID userId, WebhookEndpointId id) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        endpoints.delete(load(organisation, id));
        log.info("Webhook endpoint {} deleted by user {}", id.value(), userId);
    }

    /** Sends a delivery of this endpoint again, now, whatever became of it; refused while the endpoint is off. */
    @Transactional
    public void redeliver(OrganisationId organisation, UUID userId, WebhookEndpointId id, UUID deliveryId) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        if (!load(organisation, id).enabled()) {
            throw new InvalidWebhook("disabled");
        }
        if (!outbox.resume(id, deliveryId)) {
            throw new WebhookNotFound(deliveryId);
        }
        log.info("Webhook delivery {} sent again at the request of user {}", deliveryId, userId);
    }

    private WebhookEndpoint load(OrganisationId organisation, WebhookEndpointId id) {
        return endpoints.findByIdAndOrganisationId(id.value(), organisation.value())
                .orElseThrow(() -> new WebhookNotFound(id.value()));
    }

    private static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }
}
