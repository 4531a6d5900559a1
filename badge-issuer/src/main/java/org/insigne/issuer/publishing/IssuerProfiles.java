package org.insigne.issuer.publishing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.insigne.issuer.organisation.OrganisationService;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who is published at an issuer address: an organisation, or a person who endorses in their own name. A person's
 * profile is a name only (never how to reach them); it is read straight from the endorser table, like
 * {@link PublishedEndorsements}, so that publishing does not depend on the endorsement feature.
 */
@Component
public class IssuerProfiles {

    private final OrganisationService organisations;
    private final JdbcTemplate jdbc;

    IssuerProfiles(OrganisationService organisations, JdbcTemplate jdbc) {
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    /** The organisation's public profile, else the endorsing person's under that id. */
    public Optional<OrganisationProfileView> of(OrganisationId id) {
        return organisations.publicProfile(id).or(() -> person(id.value()));
    }

    /**
     * The profile of the endorsing person {@code id}, shaped as an issuer profile: their name, and for a person
     * without an account the website they gave, and their role and organisation as its description.
     */
    public Optional<OrganisationProfileView> person(UUID id) {
        return jdbc.query("select display_name, role, affiliation, website_url from endorser_person where id = ?",
                (row, n) -> new OrganisationProfileView(new OrganisationId(id), new OrganisationProfile(
                        row.getString(1), description(row.getString(2), row.getString(3)), row.getString(4), null,
                        null, null), null), id).stream().findFirst();
    }

    private static @Nullable String description(@Nullable String role, @Nullable String affiliation) {
        if (role == null) {
            return affiliation;
        }
        return affiliation == null ? role : role + " (" + affiliation + ")";
    }
}
