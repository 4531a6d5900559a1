package org.insigne.web.bench;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.apitoken.ApiTokenService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.web.account.AccountService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public page bench's server ({@link PublicPageBenchServer}), plus what a mixed load needs: an API token
 * of the bench organisation (award and read scopes) and a confirmed earner account with a password, printed
 * on the {@code READY} line for {@code bench/soak/run.sh}. Mail goes to the SMTP server on
 * {@code SOAK_SMTP_PORT}. Not a test.
 */
public final class SoakBenchServer {

    static final String EARNER = "soak.earner@example.org";
    static final String PASSWORD = "une phrase de passe pour le banc";

    private SoakBenchServer() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = PublicPageBenchServer.startFilled(args,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + PublicPageBenchServer.setting(new String[0], 0, "SOAK_SMTP_PORT", "2525"));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        UUID organisation = jdbc.queryForObject("select id from organisation where name = 'Banc d''essai'", UUID.class);
        UUID owner = jdbc.queryForObject("select user_id from membership where organisation_id = ? and role = 'OWNER'",
                UUID.class, organisation);
        UUID badgeClass = jdbc.queryForObject("select id from badge_class where organisation_id = ? limit 1",
                UUID.class, organisation);
        String token = context.getBean(ApiTokenService.class).create(new OrganisationId(organisation), owner,
                "Banc " + UUID.randomUUID().toString().substring(0, 8), EnumSet.of(ApiScope.READ, ApiScope.AWARD),
                null).secret();
        List<UUID> earner = jdbc.queryForList("select id from user_account where email = ?", UUID.class, EARNER);
        if (earner.isEmpty()) {
            context.getBean(AccountService.class).signUp(EARNER, "Camille Banc", PASSWORD, Locale.FRENCH);
            jdbc.update("update user_account set email_confirmed_at = now() where email = ?", EARNER);
        }
        System.out.println("READY token=" + token + " badgeClass=" + badgeClass + " earner=" + EARNER
                + " port=" + context.getEnvironment().getProperty("local.server.port"));
    }
}
