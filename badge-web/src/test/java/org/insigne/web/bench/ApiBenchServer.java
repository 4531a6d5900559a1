package org.insigne.web.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.apitoken.ApiTokenService;
import org.insigne.issuer.organisation.OrganisationId;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The application of {@link PublicPageBenchServer} (its awards in one organisation), plus an issuer API token
 * of that organisation's owner with every scope, and an earner holding {@code BENCH_HELD} (100) OB 3.0
 * credentials with an Open Badges API access token, for {@code bench/api/run.sh}. Prints {@code TOKEN},
 * {@code OB3_TOKEN}, {@code BADGE_CLASS}, then {@code READY}. The per-token rate limit is lifted: the benchmark measures the API,
 * not its limit. Not a test.
 */
public final class ApiBenchServer {

    private ApiBenchServer() {
    }

    static final UUID EARNER = UUID.fromString("00000000-0000-4000-9000-000000000001");
    static final String READ_SCOPE = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly";

    public static void main(String[] args) {
        ConfigurableApplicationContext context = PublicPageBenchServer.startFilled(args,
                "--insigne.api.requests-per-minute=1000000000");
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        UUID organisation = jdbc.queryForObject("select id from organisation where name = 'Banc d''essai'", UUID.class);
        UUID owner = jdbc.queryForObject("select user_id from membership where organisation_id = ? and role = 'OWNER'",
                UUID.class, organisation);
        UUID badgeClass = jdbc.queryForObject("select badge_class_id from award where organisation_id = ? limit 1",
                UUID.class, organisation);
        String token = context.getBean(ApiTokenService.class).create(new OrganisationId(organisation), owner,
                "Banc d'essai " + UUID.randomUUID(), EnumSet.allOf(ApiScope.class), null).secret();
        System.out.println("TOKEN " + token);
        System.out.println("OB3_TOKEN " + earnerHolding(context, jdbc, organisation,
                Integer.parseInt(PublicPageBenchServer.setting(new String[0], 0, "BENCH_HELD", "100"))));
        System.out.println("BADGE_CLASS " + badgeClass);
        System.out.println("READY " + PublicPageBenchServer.setting(args, 0, "BENCH_COUNT", "100000")
                + " awards on port " + context.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * An earner whose backpack holds {@code held} OB 3.0 credentials (copies of the bench award's, as if
     * imported as JSON), and an access token an application got for reading them, written to the authorization
     * server's store as the token endpoint writes one.
     */
    private static String earnerHolding(ConfigurableApplicationContext context, JdbcTemplate jdbc,
                                        UUID organisation, int held) {
        jdbc.update("delete from backpack_badge where owner_id = ?", EARNER);
        jdbc.update("""
                insert into backpack_badge (id, owner_id, public_id, shared, original, input_kind, spec, fingerprint,
                    badge_name, issuer_name, issued_on, status, recipient_status, last_checks, last_checked_at,
                    imported_at, version)
                select gen_random_uuid(), ?, md5(random()::text) || md5(random()::text), false, a.ob3_credential,
                    'TEXT', 'OB3', 'bench:' || i, 'Animer une réunion', 'Banc d''essai', a.issued_on, 'VERIFIED',
                    'MATCHED', '[]', now(), now() - i * interval '1 minute', 0
                from generate_series(1, ?) i,
                     (select ob3_credential, issued_on from award where organisation_id = ? limit 1) a""",
                EARNER, held, organisation);
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("bench-" + UUID.randomUUID()).clientSecret("{noop}" + UUID.randomUUID()).clientName("Banc d'essai")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://bench.example/callback").scope(READ_SCOPE).build();
        context.getBean(RegisteredClientRepository.class).save(client);
        Instant now = Instant.now();
        String value = UUID.randomUUID() + "-" + UUID.randomUUID();
        context.getBean(OAuth2AuthorizationService.class).save(OAuth2Authorization.withRegisteredClient(client)
                .principalName(EARNER.toString()).authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(Set.of(READ_SCOPE))
                .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now, now.plus(Duration.ofDays(1)),
                        Set.of(READ_SCOPE)))
                .build());
        return value;
    }
}
