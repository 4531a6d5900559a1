package org.insigne.issuer.publishing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.insigne.core.ob3.BitstringStatusList;
import org.insigne.core.ob3.CredentialWriter;
import org.insigne.issuer.key.SigningKeyId;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organisations' Bitstring Status Lists (W3C vc-bitstring-status-list): hands each new credential the next
 * bit of its organisation, and builds the signed list credentials from the awards' revocations.
 *
 * <p>A list is not rewritten when an award is revoked: it is rebuilt on the next request whose count of revoked
 * awards in its range (which only grows) or public address differs from the stored one. A revocation is thus
 * public from the first fetch that follows it, and no public request signs anything while nothing changed.
 */
@Component
public class StatusLists {

    /** 131,072 bits: the 16 KB minimum the specification sets for group privacy (§"Bitstring Generation"). */
    public static final int LIST_SIZE = BitstringStatusList.MIN_BITS;

    public static final String PURPOSE = "revocation";

    private final JdbcTemplate jdbc;
    private final IssuerProfiles issuers;
    private final SigningKeyService keys;
    private final Clock clock;

    StatusLists(JdbcTemplate jdbc, IssuerProfiles issuers, SigningKeyService keys, Clock clock) {
        this.jdbc = jdbc;
        this.issuers = issuers;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The next bit of the organisation for a credential signed with {@code key}, never handed out twice: one
     * atomic upsert, in the caller's transaction. A new key starts a new list (see the migration for why).
     */
    public int allocate(OrganisationId organisation, SigningKeyId key) {
        return allocate(organisation, key, 1);
    }

    /**
     * The first of {@code count} consecutive bits of the organisation for credentials signed with {@code key},
     * never handed out twice, in two statements whatever the count (a bulk job reserves a chunk's bits at once).
     * The block may run on into the next list; each list it touches is recorded as signed with {@code key}.
     */
    public int allocate(OrganisationId organisation, SigningKeyId key, int count) {
        if (count < 1 || count > LIST_SIZE) {
            throw new IllegalArgumentException("status list block of " + count);
        }
        Integer first = jdbc.queryForObject("""
                insert into status_list_sequence (organisation_id, next_index, key_id) values (?, ?, ?)
                on conflict (organisation_id) do update set
                    next_index = case when status_list_sequence.key_id = excluded.key_id
                        then status_list_sequence.next_index + excluded.next_index
                        else (status_list_sequence.next_index + ? - 1) / ? * ? + excluded.next_index end,
                    key_id = excluded.key_id
                returning next_index - ?""", Integer.class, organisation.value(), count, key.value(),
                LIST_SIZE, LIST_SIZE, LIST_SIZE, count);
        if (first == null || first < 0) {
            throw new IllegalStateException("status list sequence of " + organisation.value() + " returned " + first);
        }
        jdbc.update("""
                insert into status_list_key (organisation_id, list_number, key_id)
                select ?, list_number, ? from generate_series(?, ?) as list_number
                on conflict (organisation_id, list_number) do nothing""",
                organisation.value(), key.value(), first / LIST_SIZE, (first + count - 1) / LIST_SIZE);
        return first;
    }

    /** The status entry of bit {@code index} of the organisation, for its credential. */
    public static CredentialWriter.StatusEntry entry(OrganisationId organisation, int index, HostedUrls urls) {
        return new CredentialWriter.StatusEntry(urls.ob3StatusList(organisation.value(), index / LIST_SIZE),
                index % LIST_SIZE, PURPOSE);
    }

    /** List {@code list} of the organisation as a signed credential; empty when no credential points into it. */
    Optional<byte[]> credential(OrganisationId organisation, int list, HostedUrls urls) {
        if (list < 0) {
            return Optional.empty();
        }
        List<Integer> allocated = jdbc.queryForList(
                "select next_index from status_list_sequence where organisation_id = ?", Integer.class,
                organisation.value());
        if (allocated.isEmpty() || (long) list * LIST_SIZE >= allocated.get(0)) {
            return Optional.empty();
        }
        int first = list * LIST_SIZE;
        // Awards, the endorsements the organisation gave and a person's own badges share its owner's lists: a
        // withdrawal sets a bit like a revocation.
        List<Integer> revoked = jdbc.queryForList("""
                select status_list_index from award where organisation_id = ? and revoked_at is not null
                and status_list_index >= ? and status_list_index < ?
                union all
                select status_list_index from endorsement where endorser_id = ? and withdrawn_at is not null
                and status_list_index >= ? and status_list_index < ?
                union all
                select status_list_index from person_badge where issuer_id = ? and revoked_at is not null
                and status_list_index >= ? and status_list_index < ?""", Integer.class,
                organisation.value(), first, first + LIST_SIZE, organisation.value(), first, first + LIST_SIZE,
                organisation.value(), first, first + LIST_SIZE);
        List<byte[]> stored = jdbc.query("""
                select credential from status_list_credential
                where organisation_id = ? and list_number = ? and base_url = ? and revoked_count = ?""",
                (row, n) -> row.getBytes(1), organisation.value(), list, urls.base(), revoked.size());
        if (!stored.isEmpty()) {
            return Optional.of(stored.get(0));
        }
        return issuers.of(organisation).map(issuer -> {
            BitstringStatusList bits = BitstringStatusList.empty(LIST_SIZE);
            for (int index : revoked) {
                bits = bits.withBit(index - first, true);
            }
            java.time.Instant now = clock.instant();
            byte[] credential = PublishedDocuments.statusListCredential(issuer, list, bits, signingKey(organisation, list, urls),
                    now, urls);
            jdbc.update("""
                    insert into status_list_credential
                        (organisation_id, list_number, base_url, revoked_count, credential, built_at)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (organisation_id, list_number) do update set base_url = excluded.base_url,
                        revoked_count = excluded.revoked_count, credential = excluded.credential,
                        built_at = excluded.built_at""",
                    organisation.value(), list, urls.base(), revoked.size(), credential,
                    java.sql.Timestamp.from(now));
            return credential;
        });
    }

    /**
     * Behind HTTPS the issuer is the organisation's URL, whatever the key: the current key signs. On a plain-HTTP
     * address the issuer is the {@code did:key} of the key the list's credentials were signed with.
     */
    private PublishedDocuments.Signer signingKey(OrganisationId organisation, int list, HostedUrls urls) {
        if (!urls.servesHttps()) {
            List<java.util.UUID> listKey = jdbc.queryForList(
                    "select key_id from status_list_key where organisation_id = ? and list_number = ?",
                    java.util.UUID.class, organisation.value(), list);
            if (!listKey.isEmpty()) {
                SigningKeyId id = new SigningKeyId(listKey.get(0));
                Optional<org.insigne.core.signing.Ed25519Keys.KeyPair> pair = keys.ed25519Pair(organisation, id);
                if (pair.isPresent()) {
                    return new PublishedDocuments.Signer(id, pair.get());
                }
            }
        }
        var current = keys.signingKeys(organisation);
        return new PublishedDocuments.Signer(current.ed25519Id(), current.ed25519());
    }
}
