package org.insigne.web.ob3api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applications an earner let act for them, read from the authorization server's tables, and the
 * withdrawal of one: its consent and every grant, so its tokens (looked up at each call) stop at once.
 */
@Service
@Transactional(readOnly = true)
class ConnectedApplicationsService {

    private static final Logger log = LoggerFactory.getLogger(ConnectedApplicationsService.class);

    /** One connected application: who it is, the message keys of what it may do, since when. */
    record ConnectedApplication(ClientRegistrationService.ClientView client, List<String> scopeKeys,
                                @Nullable Instant since) {
    }

    private final JdbcTemplate jdbc;
    private final ClientRegistrationService clients;

    ConnectedApplicationsService(JdbcTemplate jdbc, ClientRegistrationService clients) {
        this.jdbc = jdbc;
        this.clients = clients;
    }

    List<ConnectedApplication> of(UUID accountId) {
        List<ConnectedApplication> connected = new ArrayList<>();
        jdbc.query("""
                select c.registered_client_id, c.authorities,
                       (select min(a.authorization_code_issued_at) from oauth2_authorization a
                         where a.principal_name = c.principal_name
                           and a.registered_client_id = c.registered_client_id) as since
                  from oauth2_authorization_consent c
                 where c.principal_name = ?
                 order by c.registered_client_id""", row -> {
            Timestamp since = row.getTimestamp("since");
            List<String> keys = Arrays.stream(row.getString("authorities").split(","))
                    .map(authority -> authority.replaceFirst("^SCOPE_", ""))
                    .filter(Ob3Scopes.ALL::contains).map(Ob3Scopes::messageKey).toList();
            clients.byId(row.getString("registered_client_id")).ifPresent(client ->
                    connected.add(new ConnectedApplication(client, keys, since == null ? null : since.toInstant())));
        }, accountId.toString());
        return connected;
    }

    /** Withdraws everything the earner gave the application (registered id {@code clientId}); nothing when none. */
    @Transactional
    void revoke(UUID accountId, String clientId) {
        int grants = jdbc.update("delete from oauth2_authorization where principal_name = ? and registered_client_id = ?",
                accountId.toString(), clientId);
        jdbc.update("delete from oauth2_authorization_consent where principal_name = ? and registered_client_id = ?",
                accountId.toString(), clientId);
        log.info("Account {} withdrew OAuth client {} ({} grants)", accountId, clientId, grants);
    }
}
