package org.insigne.web.backpack;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real earner accounts (signed up through the form) and awards made on this platform through the issuer's
 * services, for the tests of addresses, claims and profiles.
 */
final class Earners {

    static final String PASSWORD = "une phrase de passe solide";

    private final MockMvc mvc;
    private final JdbcTemplate jdbc;
    private final AccountService accounts;

    Earners(MockMvc mvc, JdbcTemplate jdbc, AccountService accounts) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    static String address(String name) {
        return name.toLowerCase(Locale.ROOT) + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Signs up through the form without confirming the address. */
    void signUp(String email, String name) throws Exception {
        mvc.perform(post("/signup").with(csrf())
                .param("email", email).param("displayName", name).param("password", PASSWORD));
    }

    /** Signs up and marks the address confirmed, as the mailed link would (without its side effects). */
    AccountUser confirmed(String email, String name) throws Exception {
        signUp(email, name);
        jdbc.update("update user_account set email_confirmed_at = now() where email = ?", email);
        return accounts.loadUserByUsername(email).withoutPassword();
    }

    long badgesOf(UUID userId) {
        return jdbc.queryForObject("select count(*) from backpack_badge where owner_id = ?", Long.class, userId);
    }

    /** An organisation with one published badge class (with a real PNG image), owned by a staff-only user. */
    record Issuer(OrganisationId organisation, BadgeClassId badgeClass, UUID owner) {
    }

    static Issuer issuer(OrganisationService organisations, BadgeClassService badgeClasses) throws Exception {
        UUID owner = UUID.randomUUID();
        OrganisationId organisation = organisations.create(owner, "Ligue de l'enseignement").id();
        byte[] png;
        try (InputStream in = Earners.class.getResourceAsStream("/badge.png")) {
            png = in.readAllBytes();
        }
        BadgeClassId badgeClass = badgeClasses.create(organisation, owner, new BadgeClassContent("Animer une réunion",
                "Savoir animer une réunion.", "Avoir animé **trois** réunions.", List.of(), List.of("animation"),
                BadgeClassContent.DEFAULT_LEVELS, null, false), ImageUploads.accept(png)).id();
        badgeClasses.publish(organisation, badgeClass, owner);
        return new Issuer(organisation, badgeClass, owner);
    }

    static AwardId award(AwardService awards, Issuer issuer, String email, int port) {
        return awards.award(issuer.organisation(), issuer.badgeClass(), issuer.owner(),
                new AwardRequest(UUID.randomUUID(), email, "Camille Martin", BadgeClassContent.DEFAULT_LEVELS.get(0),
                        null, null, null),
                new HostedUrls("http://localhost:" + port)).id();
    }
}
