package org.insigne.issuer.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.insigne.core.signing.Ed25519Keys;
import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.organisation.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's keys: one Ed25519 pair (OB 3.0 Data Integrity and VC-JWT) and one RSA-2048 pair (OB 2.0
 * JWS), made on first need. Callers check roles; this service only keeps keys.
 */
@Service
@Transactional(readOnly = true)
public class SigningKeyService {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyService.class);

    private final SigningKeyRepository keys;
    private final KeyVault vault;
    private final AuditLog audit;
    private final Clock clock;

    SigningKeyService(SigningKeyRepository keys, KeyVault vault, AuditLog audit, Clock clock) {
        this.audit = audit;
        this.keys = keys;
        this.vault = vault;
        this.clock = clock;
    }

    /** The organisation's active keys, decrypted; generated when it has none of an algorithm yet. */
    @Transactional
    public OrganisationKeys signingKeys(OrganisationId organisation) {
        return signingKeys(organisation, true);
    }

    /**
     * The active keys of a person who endorses in their own name, kept like an organisation's under their
     * endorser id; generated on first need. A person has no organisation's audit log to write to.
     */
    @Transactional
    public OrganisationKeys personKeys(UUID endorser) {
        return signingKeys(new OrganisationId(endorser), false);
    }

    /** The active keys of a network of issuers, which signs its recognition lists; no organisation's log either. */
    @Transactional
    public OrganisationKeys networkKeys(UUID network) {
        return signingKeys(new OrganisationId(network), false);
    }

    private OrganisationKeys signingKeys(OrganisationId organisation, boolean audited) {
        List<SigningKey> active = keys.findByOrganisationIdAndRetiredAtIsNullOrderByCreatedAtDesc(organisation.value());
        SigningKey ed = active.stream().filter(k -> k.algorithm() == KeyAlgorithm.ED25519).findFirst()
                .orElseGet(() -> generate(organisation, KeyAlgorithm.ED25519, audited));
        SigningKey rsa = active.stream().filter(k -> k.algorithm() == KeyAlgorithm.RSA).findFirst()
                .orElseGet(() -> generate(organisation, KeyAlgorithm.RSA, audited));
        Ed25519Keys.KeyPair edPair = Ed25519Keys.fromPrivateKey(vault.decrypt(ed.id(), ed.encryptedPrivateKey()));
        return new OrganisationKeys(ed.id(), edPair, rsa.id(), rsaPrivateKey(vault.decrypt(rsa.id(), rsa.encryptedPrivateKey())));
    }

    /** Every key the organisation ever signed with, retired ones included, oldest first. */
    public List<PublicSigningKey> publishedKeys(OrganisationId organisation) {
        return keys.findByOrganisationIdOrderByCreatedAtAsc(organisation.value()).stream()
                .map(SigningKey::publicView).toList();
    }

    public Optional<PublicSigningKey> publishedKey(SigningKeyId id) {
        return keys.findById(id.value()).map(SigningKey::publicView);
    }

    /**
     * One Ed25519 key of the organisation, retired or not, decrypted: a badge signed on demand in another form
     * (VC-JWT) must be signed with the key its first proof names, which may have been retired since.
     */
    public Optional<Ed25519Keys.KeyPair> ed25519Pair(OrganisationId organisation, SigningKeyId id) {
        return keys.findById(id.value())
                .filter(k -> k.algorithm() == KeyAlgorithm.ED25519 && k.publicView().organisation().equals(organisation))
                .map(k -> Ed25519Keys.fromPrivateKey(vault.decrypt(k.id(), k.encryptedPrivateKey())));
    }

    /** Retires the active keys; the next signing makes new ones. */
    @Transactional
    public void rotate(OrganisationId organisation) {
        keys.findByOrganisationIdAndRetiredAtIsNullOrderByCreatedAtDesc(organisation.value())
                .forEach(k -> k.retire(clock.instant()));
        log.info("Signing keys of organisation {} retired", organisation.value());
        audit.record(organisation.value(), null, AuditAction.SIGNING_KEYS_ROTATED, organisation.value(), Map.of());
    }

    private SigningKey generate(OrganisationId organisation, KeyAlgorithm algorithm, boolean audited) {
        SigningKeyId id = new SigningKeyId(UUID.randomUUID());
        byte[] publicKey;
        byte[] privateKey;
        if (algorithm == KeyAlgorithm.ED25519) {
            Ed25519Keys.KeyPair pair = Ed25519Keys.generate();
            publicKey = pair.publicKey();
            privateKey = pair.privateKey();
        } else {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                java.security.KeyPair pair = generator.generateKeyPair();
                publicKey = pair.getPublic().getEncoded();
                privateKey = pair.getPrivate().getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA unavailable", e);
            }
        }
        SigningKey key = keys.save(new SigningKey(id, organisation, algorithm, publicKey, vault.encrypt(id, privateKey),
                clock.instant()));
        java.util.Arrays.fill(privateKey, (byte) 0);
        log.info("{} signing key {} generated for {} {}", algorithm, id.value(),
                audited ? "organisation" : "endorsing person or network", organisation.value());
        if (audited) {
            audit.record(organisation.value(), null, AuditAction.SIGNING_KEY_GENERATED, id.value(), Map.of("algorithm", algorithm.name()));
        }
        return key;
    }

    private static PrivateKey rsaPrivateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored RSA key unreadable", e);
        }
    }
}
