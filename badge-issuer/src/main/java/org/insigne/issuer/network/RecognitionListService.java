package org.insigne.issuer.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.ob3.RecognitionLists;
import org.insigne.issuer.key.KeyAlgorithm;
import org.insigne.issuer.key.OrganisationKeys;
import org.insigne.issuer.key.SigningKeyService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.PublishedDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each network's recognition list: its member organisations, signed (eddsa-rdfc-2022) with the network's key as a
 * {@code VerifiableRecognitionCredential} valid {@link #VALIDITY}, and the same as a DCC registry. Signed again in
 * the transaction that changes the members, so that a removed member is out of the list the moment the removal
 * commits, and renewed once it is {@link #RENEW_AFTER} old.
 */
@Service
@Transactional(readOnly = true)
public class RecognitionListService {

    static final Duration VALIDITY = Duration.ofDays(45);
    public static final Duration RENEW_AFTER = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(RecognitionListService.class);

    private final NetworkRepository networks;
    private final NetworkLogoRepository logos;
    private final NetworkService members;
    private final OrganisationService organisations;
    private final SigningKeyService keys;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RecognitionListService(NetworkRepository networks, NetworkLogoRepository logos, NetworkService members,
                           OrganisationService organisations, SigningKeyService keys, JdbcTemplate jdbc,
                           Clock clock) {
        this.networks = networks;
        this.logos = logos;
        this.members = members;
        this.organisations = organisations;
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A list as published, with the issuer it must be signed by to be believed. */
    public record PublishedList(NetworkId network, String networkName, String issuerId, byte[] credential,
                                Instant signedAt) {
        public PublishedList {
            credential = credential.clone();
        }

        @Override
        public byte[] credential() {
            return credential.clone();
        }
    }

    /** Runs in the transaction that changed the members: the list and the change commit together. */
    @EventListener
    @Transactional
    void onMembersChanged(NetworkMembersChanged changed) {
        sign(changed.network());
    }

    /** Signs the network's list anew from its members now. */
    @Transactional
    public void sign(NetworkId id) {
        Network network = networks.findById(id.value()).orElseThrow(NetworkNotFound::new);
        HostedUrls urls = new HostedUrls(network.baseUrl());
        OrganisationKeys signing = keys.networkKeys(id.value());
        String issuerId = urls.ob3IssuerId(id.value(), signing.ed25519().publicKeyMultibase());
        Instant now = clock.instant();
        List<RecognitionLists.Entity> entities = new ArrayList<>();
        for (OrganisationId member : members.memberIds(id)) {
            organisations.publicProfile(member).ifPresent(p -> entities.addAll(identifiers(p, urls)));
        }
        RecognitionLists.Draft draft = new RecognitionLists.Draft(urls.ob3RecognitionList(id.value()), issuerId,
                network.profile().name(), now, now.plus(VALIDITY), entities);
        OrganisationProfileView signer = new OrganisationProfileView(new OrganisationId(id.value()),
                network.profile(), logos.findById(id.value()).map(l -> l.image().mediaType()).orElse(null));
        byte[] credential = PublishedDocuments.sign(RecognitionLists.write(draft),
                new PublishedDocuments.Signer(signing.ed25519Id(), signing.ed25519()), signer, now, urls,
                "recognition list of network " + id.value());
        byte[] registry = BoundedJson.MAPPER.writeValueAsBytes(RecognitionLists.dccRegistry(draft));
        jdbc.update("""
                insert into network_recognition_list (network_id, credential, registry, signed_at, valid_until, version)
                values (?, ?, ?, ?, ?, 0)
                on conflict (network_id) do update set credential = excluded.credential,
                    registry = excluded.registry, signed_at = excluded.signed_at,
                    valid_until = excluded.valid_until, version = network_recognition_list.version + 1""",
                id.value(), credential, registry, Timestamp.from(now), Timestamp.from(draft.validUntil()));
        log.info("Recognition list of network {} signed with {} members", id.value(), members.memberIds(id).size());
    }

    /**
     * Every address a member's badges may name as their issuer: its OB 3.0 Profile (behind HTTPS), its OB 2.0
     * Profile, and the {@code did:key} of each Ed25519 key it signed with (on a plain-HTTP address).
     */
    private List<RecognitionLists.Entity> identifiers(OrganisationProfileView member, HostedUrls urls) {
        UUID org = member.id().value();
        String name = member.profile().name();
        String website = member.profile().websiteUrl();
        List<RecognitionLists.Entity> entities = new ArrayList<>();
        entities.add(new RecognitionLists.Entity(urls.ob3Issuer(org), name, website));
        entities.add(new RecognitionLists.Entity(urls.ob2Issuer(org), name, website));
        keys.publishedKeys(member.id()).stream().filter(k -> k.algorithm() == KeyAlgorithm.ED25519)
                .forEach(k -> entities.add(new RecognitionLists.Entity("did:key:" + k.multibase(), name, website)));
        return entities;
    }

    /** Renews the lists signed {@link #RENEW_AFTER} ago or more; one node runs it at a time. */
    @Transactional
    public int renewDue() {
        List<UUID> due = jdbc.queryForList("select network_id from network_recognition_list where signed_at <= ?",
                UUID.class, Timestamp.from(clock.instant().minus(RENEW_AFTER)));
        due.forEach(id -> sign(new NetworkId(id)));
        return due.size();
    }

    /** The signed list, served as it was signed. */
    public Optional<byte[]> credential(NetworkId id) {
        return jdbc.queryForList("select credential from network_recognition_list where network_id = ?",
                byte[].class, id.value()).stream().findFirst();
    }

    /** The same members as a DCC registry. */
    public Optional<byte[]> registry(NetworkId id) {
        return jdbc.queryForList("select registry from network_recognition_list where network_id = ?",
                byte[].class, id.value()).stream().findFirst();
    }

    /** Every network's list, for the verifier, which believes them only once their proofs verify. */
    public List<PublishedList> published() {
        return jdbc.query("""
                select l.network_id, n.name, l.credential, l.signed_at, n.base_url,
                       (select k.public_key from signing_key k where k.organisation_id = n.id
                           and k.algorithm = 'ED25519' and k.retired_at is null order by k.created_at desc limit 1)
                from network_recognition_list l join network n on n.id = l.network_id order by n.name""",
                (rs, row) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    HostedUrls urls = new HostedUrls(rs.getString(5));
                    byte[] key = rs.getBytes(6);
                    String issuer = urls.ob3IssuerId(id, key == null ? ""
                            : org.insigne.core.signing.Ed25519Keys.publicKeyMultibase(key));
                    return new PublishedList(new NetworkId(id), rs.getString(2), issuer, rs.getBytes(3),
                            rs.getTimestamp(4).toInstant());
                });
    }
}
