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
 * Who is published at an issuer address: an organisation, a person who endorses in their own name, or a network
 * of issuers. A person's profile is a name only (never how to reach them); persons and networks are read straight
 * from their tables, like {@link PublishedEndorsements}, so that publishing depends on neither feature.
 */
@Component
public class IssuerProfiles {

    private final OrganisationService organisations;
    private final JdbcTemplate jdbc;

    IssuerProfiles(OrganisationService organisations, JdbcTemplate jdbc) {
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    /** The organisation's public profile, else the endorsing person's or the network's under that id. */
    public Optional<OrganisationProfileView> of(OrganisationId id) {
        return organisations.publicProfile(id).or(() -> person(id.value())).or(() -> network(id.value()));
    }

    /** The profile of the network {@code id}: name, description, website, region and logo, no contact. */
    public Optional<OrganisationProfileView> network(UUID id) {
        return jdbc.query("""
                select n.name, n.description, n.website_url, n.region, l.media_type from network n
                left join network_logo l on l.network_id = n.id where n.id = ?""",
                (rs, row) -> new OrganisationProfileView(new OrganisationId(id), new OrganisationProfile(
                        rs.getString(1), rs.getString(2), rs.getString(3), null, null, rs.getString(4)),
                        rs.getString(5)), id).stream().findFirst();
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
