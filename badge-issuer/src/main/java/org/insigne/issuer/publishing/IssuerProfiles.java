package org.insigne.issuer.publishing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.insigne.issuer.organisation.OrganisationService;
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

    /** The profile of the endorsing person {@code id}, shaped as an issuer profile with their name alone. */
    public Optional<OrganisationProfileView> person(UUID id) {
        List<String> names = jdbc.queryForList("select display_name from endorser_person where id = ?", String.class,
                id);
        return names.stream().findFirst().map(name -> new OrganisationProfileView(new OrganisationId(id),
                new OrganisationProfile(name, null, null, null, null, null), null));
    }
}
