package org.insigne.issuer.apitoken;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.secret.SecretHash;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation API tokens. Owners and administrators create, list and revoke them; a token acts as the member
 * who created it, within its scopes, so the services' role checks still apply to every call, and a token stops
 * working when its creator leaves the staff. The secret is {@value #PREFIX} and 32 random bytes in base64url;
 * only its SHA-256 is stored.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokenService {

    public static final String PREFIX = "insg_";
    public static final int MAX_NAME = 100;
    /** How far ahead an expiry may be set. */
    public static final int MAX_YEARS = 5;
    /** "Last used" is written at most this often per token, so that a busy client does not write on every call. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final int HINT_LENGTH = PREFIX.length() + 6;

    private final ApiTokenRepository tokens;
    private final OrganisationService organisations;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, OrganisationService organisations, AuditLog audit, JdbcTemplate jdbc,
                    Clock clock) {
        this.tokens = tokens;
        this.organisations = organisations;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Creates a token named {@code name} with {@code scopes}, valid until the end of {@code expiresOn} (UTC)
     * when given; owners and administrators only. The answer holds the secret, which is never shown again.
     */
    @Transactional
    public ApiTokenIssued create(OrganisationId organisation, UUID userId, String name, Set<ApiScope> scopes,
                                 @Nullable LocalDate expiresOn) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw new InvalidApiToken("name");
        }
        if (scopes.isEmpty()) {
            throw new InvalidApiToken("scopes");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (expiresOn != null && (expiresOn.isBefore(today) || expiresOn.isAfter(today.plusYears(MAX_YEARS)))) {
            throw new InvalidApiToken("expiry");
        }
        byte[] random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ApiToken token = tokens.save(new ApiToken(organisation, userId, stripped, scopes, SecretHash.of(secret),
                secret.substring(0, HINT_LENGTH), now, expiresAt));
        log.info("API token {} created in organisation {} by user {}", token.id().value(), organisation.value(),
                userId);
        audit.record(organisation.value(), userId, AuditAction.API_TOKEN_CREATED, token.id().value(),
                Map.of("name", stripped, "scopes", scopeCodes(scopes)));
        return new ApiTokenIssued(token.view(), secret);
    }

    /** The organisation's tokens, newest first, revoked ones included; owners and administrators only. */
    public List<ApiTokenView> tokens(OrganisationId organisation, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        return tokens.findByOrganisationIdOrderByCreatedAtDesc(organisation.value()).stream()
                .map(ApiToken::view).toList();
    }

    /** Revokes a token at once; revoking it again changes nothing. Owners and administrators only. */
    @Transactional
    public ApiTokenView revoke(OrganisationId organisation, UUID userId, ApiTokenId id) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        ApiToken token = tokens.findByIdAndOrganisationId(id.value(), organisation.value())
                .orElseThrow(() -> new ApiTokenNotFound(id));
        if (token.revoke(clock.instant())) {
            log.info("API token {} revoked by user {}", id.value(), userId);
            audit.record(organisation.value(), userId, AuditAction.API_TOKEN_REVOKED, id.value(),
                    Map.of("name", token.name()));
        }
        return token.view();
    }

    /**
     * What the token presented grants, if it is one of ours, neither revoked nor expired, and its creator is
     * still on the staff. Records when it was last used, at most once a minute.
     */
    @Transactional
    public Optional<ApiGrant> authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> found = tokens.findByTokenHash(SecretHash.of(presented)).filter(t -> t.usableAt(now));
        if (found.isEmpty() || !onStaff(found.get())) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        // A plain conditional update, not the entity: concurrent calls must not fail on its version.
        jdbc.update("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                Timestamp.from(now), token.id().value(), Timestamp.from(now.minus(LAST_USED_PRECISION)));
        return Optional.of(new ApiGrant(token.id(), token.organisation(), token.createdBy(), token.scopes()));
    }

    private boolean onStaff(ApiToken token) {
        // A look-up rather than a refused call: a refusal would mark this transaction for rollback.
        return organisations.organisationsOf(token.createdBy()).stream()
                .anyMatch(o -> o.id().equals(token.organisation()));
    }

    private static String scopeCodes(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::code).collect(Collectors.joining(", "));
    }
}
