package org.insigne.issuer.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** An organisation's endpoint: where its events are posted, which ones, and its secrets, encrypted. */
@Entity
@Table(name = "webhook_endpoint")
class WebhookEndpoint {

    static final String MANUAL = "MANUAL";
    static final String FAILING = "FAILING";

    @Id
    private UUID id;
    private UUID organisationId;
    private String url;
    private String events;
    private byte[] secret;
    private byte @Nullable [] previousSecret;
    private @Nullable Instant previousSecretUntil;
    private String consoleBase;
    private UUID createdBy;
    private Instant createdAt;
    private @Nullable Instant disabledAt;
    private @Nullable String disabledReason;
    @Version
    private long version;

    protected WebhookEndpoint() {
        this.id = UUID.randomUUID();
        this.organisationId = UUID.randomUUID();
        this.url = "";
        this.events = "";
        this.secret = new byte[0];
        this.consoleBase = "";
        this.createdBy = UUID.randomUUID();
        this.createdAt = Instant.EPOCH;
    }

    WebhookEndpoint(UUID id, OrganisationId organisation, String url, Set<WebhookEvent> events, byte[] sealedSecret,
                    String consoleBase, UUID createdBy, Instant createdAt) {
        this.id = id;
        this.organisationId = organisation.value();
        this.url = url;
        this.events = events.stream().sorted().map(WebhookEvent::code).collect(Collectors.joining(","));
        this.secret = sealedSecret;
        this.consoleBase = consoleBase;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    WebhookEndpointId id() {
        return new WebhookEndpointId(id);
    }

    Set<WebhookEvent> events() {
        Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(events.split(",")).map(WebhookEvent::of).forEach(e -> e.ifPresent(set::add));
        return set;
    }

    /** A new secret; the current one keeps signing beside it until {@code overlapUntil}. */
    void rotate(byte[] sealedSecret, Instant overlapUntil) {
        previousSecret = secret;
        previousSecretUntil = overlapUntil;
        secret = sealedSecret;
    }

    /** Disables the endpoint; true unless it already was. */
    boolean disable(Instant now, String reason) {
        if (disabledAt != null) {
            return false;
        }
        disabledAt = now;
        disabledReason = reason;
        return true;
    }

    /** Enables it again; true unless it already was enabled. */
    boolean enable() {
        if (disabledAt == null) {
            return false;
        }
        disabledAt = null;
        disabledReason = null;
        return true;
    }

    boolean enabled() {
        return disabledAt == null;
    }

    WebhookEndpointView view(Instant now) {
        Instant overlap = previousSecretUntil != null && previousSecretUntil.isAfter(now) ? previousSecretUntil : null;
        return new WebhookEndpointView(id(), url, events(), createdAt, disabledAt, disabledReason, overlap);
    }
}
