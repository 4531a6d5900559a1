package org.insigne.issuer.key;

import java.security.PrivateKey;

import org.insigne.core.signing.Ed25519Keys;

/** The keys an organisation signs with now, decrypted for one signing and then dropped. */
public record OrganisationKeys(SigningKeyId ed25519Id, Ed25519Keys.KeyPair ed25519, SigningKeyId rsaId,
                               PrivateKey rsa) {

    @Override
    public String toString() {
        return "OrganisationKeys[" + ed25519Id.value() + ", " + rsaId.value() + "]";
    }
}
