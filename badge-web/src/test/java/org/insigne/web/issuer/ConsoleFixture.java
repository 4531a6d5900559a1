package org.insigne.web.issuer;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real accounts (signed up through the application, confirmed in the database) and an organisation with one
 * member per role, built through the services, for the console's integration tests.
 */
final class ConsoleFixture {

    static final String PASSWORD = "une phrase de passe solide";
    static final byte[] PNG_BYTES = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final StoredImage PNG = ImageUploads.accept(PNG_BYTES);

    final MockMvc mvc;
    final JdbcTemplate jdbc;
    final AccountService accounts;
    final OrganisationService organisations;
    final StaffService staff;
    final BadgeClassService badgeClasses;

    ConsoleFixture(MockMvc mvc, JdbcTemplate jdbc, AccountService accounts, OrganisationService organisations,
                   StaffService staff, BadgeClassService badgeClasses) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organisations = organisations;
        this.staff = staff;
        this.badgeClasses = badgeClasses;
    }

    /** Signs up through the sign-up form, then marks the address confirmed as the mailed link would. */
    AccountUser account(String name) throws Exception {
        String email = name.toLowerCase(Locale.ROOT) + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        mvc.perform(post("/signup").with(csrf())
                .param("email", email).param("displayName", name).param("password", PASSWORD));
        jdbc.update("update user_account set email_confirmed_at = now() where email = ?", email);
        return accounts.loadUserByUsername(email).withoutPassword();
    }

    OrganisationId organisation(AccountUser owner, String name) {
        return organisations.create(owner.id(), name).id();
    }

    /** Puts {@code member} on the staff the way people join: an invitation, accepted. */
    void join(OrganisationId organisation, AccountUser inviter, AccountUser member, StaffRole role) {
        staff.accept(staff.invite(organisation, inviter.id(), member.email(), role).token(), member.id(), member.email());
    }

    /** An organisation's owner and its one published badge class ("Animer une réunion"). */
    record PublishedBadge(AccountUser owner, OrganisationId organisation, BadgeClassId badgeClass) {
    }

    PublishedBadge publishedBadge() throws Exception {
        AccountUser owner = account("Owner");
        OrganisationId organisation = organisation(owner, "Ligue de l'enseignement");
        return new PublishedBadge(owner, organisation, published(organisation, owner));
    }

    /** A badge class ("Animer une réunion") drafted and published by {@code owner}. */
    BadgeClassId published(OrganisationId organisation, AccountUser owner) {
        BadgeClassId badgeClass = draft(organisation, owner);
        badgeClasses.publish(organisation, badgeClass, owner.id());
        return badgeClass;
    }

    /**
     * Awards the badge to {@code email} through the console's award form, as its owner, and answers the award
     * made; {@code address} places the request (see {@link #atAddress}).
     */
    AwardView awardThroughForm(PublishedBadge badge, String email, AwardService awards, RequestPostProcessor address)
            throws Exception {
        mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/awards", badge.organisation().value(),
                        badge.badgeClass().value())
                        .with(address).with(as(badge.owner())).with(csrf())
                        .param("formToken", UUID.randomUUID().toString())
                        .param("recipientEmail", email).param("recipientName", "Camille Martin")
                        .param("level", "Je transmets").param("evidenceNarrative", "A animé trois réunions."))
                .andExpect(status().isFound());
        return awards.awards(badge.organisation(), badge.badgeClass(), badge.owner().id()).stream()
                .filter(a -> a.recipientEmail().equals(email)).findFirst().orElseThrow();
    }

    /** As if the request came to {@code 127.0.0.1:port}, this server's real address, which Links writes into badges. */
    static RequestPostProcessor atAddress(int port) {
        return request -> {
            request.setServerName("127.0.0.1");
            request.setServerPort(port);
            return request;
        };
    }

    /** The request as MockMvc makes it (at {@code localhost:80}). */
    static RequestPostProcessor asMade() {
        return request -> request;
    }

    BadgeClassId draft(OrganisationId organisation, AccountUser owner) {
        return badgeClasses.create(organisation, owner.id(), content("Animer une réunion"), PNG).id();
    }

    static BadgeClassContent content(String name) {
        return new BadgeClassContent(name, "Savoir animer une réunion.", "Avoir animé **trois** réunions.",
                List.of(new Alignment("ESCO", null, "animer des réunions", "https://esco.ec.europa.eu/")),
                List.of("animation"), BadgeClassContent.DEFAULT_LEVELS, null, false);
    }

    static RequestPostProcessor as(AccountUser user) {
        return user(user);
    }

    static MockMultipartFile png(String field) {
        return new MockMultipartFile(field, "image.png", "image/png", PNG_BYTES);
    }
}
