package org.insigne.web.platforms;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.insigne.issuer.key.KeyVault;
import org.insigne.issuer.work.Leases;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What this platform keeps of other hosts and of its earners' connections to them: each host's registration
 * (once per host), each connection's tokens and how its latest import went. Secrets and tokens are sealed
 * under the master key ({@link KeyVault}), each bound to the id of its row, so a copied column opens nowhere
 * else. Every read and change of a connection names its earner: another earner's connection is not found.
 */
@Service
@Transactional(readOnly = true)
class PlatformConnections {

    /** A host registered with: where its endpoints are and this platform's client there. */
    record Host(UUID id, String name, URI authorizationUrl, URI tokenUrl, URI credentialsUrl,
                @Nullable URI revocationUrl, URI redirect, PlatformClient.Registration client) {
    }

    /** A connection with its tokens opened, for the work that uses them. */
    record Connection(UUID id, UUID accountId, Host host, @Nullable String accessToken,
                      @Nullable Instant accessExpiresAt, @Nullable String refreshToken) {
    }

    /** States of an import as the page shows them; {@code INTERRUPTED}: its node stopped while it ran. */
    enum ImportState { RUNNING, DONE, FAILED, INTERRUPTED }

    /** A connection as its earner sees it on the page. */
    record ConnectionView(UUID id, String hostName, String hostAddress, Instant connectedAt,
                          @Nullable ImportState state, @Nullable Instant finishedAt, int listed, int added,
                          int known, int refused, @Nullable String failureKey, List<String> refusalKeys) {

        public boolean running() {
            return state == ImportState.RUNNING;
        }
    }

    private final JdbcTemplate jdbc;
    private final KeyVault vault;
    private final Clock clock;

    PlatformConnections(JdbcTemplate jdbc, KeyVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    Optional<Host> host(URI discoveryUrl, URI redirect) {
        return jdbc.query("select * from platform_host where discovery_url = ? and redirect_uri = ?",
                this::host, discoveryUrl.toString(), redirect.toString()).stream().findFirst();
    }

    /** Keeps a new registration; when another request registered the same host meanwhile, theirs is kept. */
    @Transactional
    Host saveHost(PlatformClient.Discovery found, URI redirect, PlatformClient.Registration client) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into platform_host (id, discovery_url, redirect_uri, name, authorization_url, token_url,
                                           credentials_url, revocation_url, client_id, client_secret)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (discovery_url, redirect_uri) do nothing""",
                id, found.discoveryUrl().toString(), redirect.toString(), found.name(),
                found.authorizationUrl().toString(), found.tokenUrl().toString(), found.credentialsUrl().toString(),
                found.revocationUrl() == null ? null : found.revocationUrl().toString(), client.clientId(),
                vault.seal(id, client.secret().getBytes(StandardCharsets.UTF_8)));
        return host(found.discoveryUrl(), redirect).orElseThrow();
    }

    /** Forgets a registration the host no longer knows, so that the next connection registers again. */
    @Transactional
    void forgetHost(UUID hostId) {
        jdbc.update("delete from platform_host where id = ? and not exists "
                + "(select 1 from platform_connection c where c.host_id = platform_host.id)", hostId);
    }

    /** Keeps the tokens of {@code accountId} at {@code host}: a new connection, or new tokens for theirs. */
    @Transactional
    UUID connect(UUID accountId, Host host, PlatformClient.Tokens tokens) {
        UUID id = jdbc.query("select id from platform_connection where account_id = ? and host_id = ? for update",
                (row, n) -> row.getObject("id", UUID.class), accountId, host.id()).stream().findFirst()
                .orElseGet(() -> {
                    UUID fresh = UUID.randomUUID();
                    jdbc.update("insert into platform_connection (id, account_id, host_id) values (?, ?, ?)", fresh,
                            accountId, host.id());
                    return fresh;
                });
        storeTokens(id, tokens, null);
        return id;
    }

    /** Replaces the tokens; a token response without a refresh token keeps {@code keptRefresh}. */
    @Transactional
    void storeTokens(UUID connectionId, PlatformClient.Tokens tokens, @Nullable String keptRefresh) {
        String refresh = tokens.refresh() != null ? tokens.refresh() : keptRefresh;
        Instant expires = tokens.expiresIn() == null ? null : clock.instant().plus(tokens.expiresIn());
        jdbc.update("update platform_connection set access_token = ?, access_expires_at = ?, refresh_token = ? "
                        + "where id = ?", seal(connectionId, tokens.access()),
                expires == null ? null : Timestamp.from(expires), refresh == null ? null : seal(connectionId, refresh),
                connectionId);
    }

    List<ConnectionView> of(UUID accountId) {
        return jdbc.query("""
                select c.*, h.name, h.credentials_url,
                       """ + Leases.liveNode("c.import_node") + """
                        as live
                  from platform_connection c join platform_host h on h.id = c.host_id
                 where c.account_id = ? order by c.connected_at""", (row, n) -> {
            String state = row.getString("import_state");
            ImportState shown = state == null ? null
                    : state.equals("RUNNING") && !row.getBoolean("live") ? ImportState.INTERRUPTED
                    : ImportState.valueOf(state);
            Timestamp finished = row.getTimestamp("import_finished_at");
            String refusals = row.getString("import_refusals");
            return new ConnectionView(row.getObject("id", UUID.class), row.getString("name"),
                    URI.create(row.getString("credentials_url")).getHost(),
                    row.getTimestamp("connected_at").toInstant(), shown,
                    finished == null ? null : finished.toInstant(), row.getInt("import_listed"),
                    row.getInt("import_added"), row.getInt("import_known"), row.getInt("import_refused"),
                    row.getString("import_failure"),
                    refusals.isEmpty() ? List.of() : List.of(refusals.split("\n")));
        }, accountId);
    }

    Connection connection(UUID accountId, UUID id) {
        return jdbc.query("""
                select c.id as connection_id, c.account_id, c.access_token, c.access_expires_at, c.refresh_token, h.*
                  from platform_connection c join platform_host h on h.id = c.host_id
                 where c.id = ? and c.account_id = ?""", (row, n) -> {
            Timestamp expires = row.getTimestamp("access_expires_at");
            UUID connection = row.getObject("connection_id", UUID.class);
            return new Connection(connection, row.getObject("account_id", UUID.class), host(row, n),
                    open(connection, row.getBytes("access_token")), expires == null ? null : expires.toInstant(),
                    open(connection, row.getBytes("refresh_token")));
        }, id, accountId).stream().findFirst().orElseThrow(PlatformConnectionNotFound::new);
    }

    /**
     * Marks an import of the connection running on {@code node}, its counts reset; false when one is running
     * already on a node still alive.
     */
    @Transactional
    boolean claimImport(UUID accountId, UUID id, String node) {
        int claimed = jdbc.update("""
                update platform_connection set import_state = 'RUNNING', import_node = ?, import_started_at = now(),
                       import_finished_at = null, import_listed = 0, import_added = 0, import_known = 0,
                       import_refused = 0, import_failure = null, import_refusals = ''
                 where id = ? and account_id = ?
                   and (import_state is distinct from 'RUNNING' or not\s""" + Leases.liveNode("import_node") + ")",
                node, id, accountId);
        if (claimed == 0) {
            connection(accountId, id);
        }
        return claimed == 1;
    }

    /** The running totals, written after each credential so that the page shows progress. */
    @Transactional
    void progress(UUID id, int listed, int added, int known, int refused, Set<String> refusalKeys) {
        jdbc.update("""
                update platform_connection set import_listed = ?, import_added = ?, import_known = ?,
                       import_refused = ?, import_refusals = ? where id = ?""",
                listed, added, known, refused, String.join("\n", refusalKeys), id);
    }

    @Transactional
    void finish(UUID id, @Nullable String failureKey) {
        jdbc.update("""
                update platform_connection set import_state = ?, import_failure = ?, import_finished_at = now()
                 where id = ?""", failureKey == null ? "DONE" : "FAILED", failureKey, id);
    }

    @Transactional
    void delete(UUID accountId, UUID id) {
        jdbc.update("delete from platform_connection where id = ? and account_id = ?", id, accountId);
    }

    private Host host(ResultSet row, int n) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        String revocation = row.getString("revocation_url");
        String secret = open(id, row.getBytes("client_secret"));
        if (secret == null) {
            throw new IllegalStateException("platform host " + id + " has no client secret");
        }
        return new Host(id, row.getString("name"), URI.create(row.getString("authorization_url")),
                URI.create(row.getString("token_url")), URI.create(row.getString("credentials_url")),
                revocation == null ? null : URI.create(revocation), URI.create(row.getString("redirect_uri")),
                new PlatformClient.Registration(row.getString("client_id"), secret));
    }

    private byte[] seal(UUID owner, String secret) {
        return vault.seal(owner, secret.getBytes(StandardCharsets.UTF_8));
    }

    private @Nullable String open(UUID owner, byte @Nullable [] sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return new String(vault.open(owner, sealed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException wrongKey) {
            // A master key changed without re-sealing: the earner connects again, nothing else is lost.
            throw new IllegalStateException("token of " + owner + " cannot be opened with the master key", wrongKey);
        }
    }
}
