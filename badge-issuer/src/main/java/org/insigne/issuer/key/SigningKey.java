package org.insigne.issuer.key;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** One key pair of an organisation; the private half only as the {@link KeyVault} sealed it. */
@Entity
@Table(name = "signing_key")
class SigningKey {

    @Id
    private UUID id;

    private UUID organisationId;

    @Enumerated(EnumType.STRING)
    private KeyAlgorithm algorithm;

    private byte[] publicKey;

    private byte[] encryptedPrivateKey;

    private Instant createdAt;

    private @Nullable Instant retiredAt;

    @Version
    private long version;

    protected SigningKey() {
        // for JPA
    }

    SigningKey(SigningKeyId id, OrganisationId organisation, KeyAlgorithm algorithm, byte[] publicKey,
               byte[] encryptedPrivateKey, Instant now) {
        this.id = id.value();
        this.organisationId = organisation.value();
        this.algorithm = algorithm;
        this.publicKey = publicKey.clone();
        this.encryptedPrivateKey = encryptedPrivateKey.clone();
        this.createdAt = now;
    }

    SigningKeyId id() {
        return new SigningKeyId(id);
    }

    KeyAlgorithm algorithm() {
        return algorithm;
    }

    byte[] encryptedPrivateKey() {
        return encryptedPrivateKey.clone();
    }

    boolean isRetired() {
        return retiredAt != null;
    }

    /** Stops signing with this key; it stays published so that what it signed still verifies. */
    void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    PublicSigningKey publicView() {
        return new PublicSigningKey(id(), new OrganisationId(organisationId), algorithm, publicKey.clone(),
                createdAt, retiredAt);
    }
}
