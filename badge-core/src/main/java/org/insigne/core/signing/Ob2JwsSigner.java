package org.insigne.core.signing;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;

/**
 * Signs OB 2.0 assertions as compact JWS (ob_v2p0 "Signed Badges"): the payload is the assertion JSON
 * bytes exactly as given, so what was signed is what any verifier decodes. RS256 (the spec's recommendation)
 * for RSA keys, ES256 for P-256 keys.
 */
public final class Ob2JwsSigner {

    private final JWSSigner signer;
    private final JWSAlgorithm algorithm;

    public Ob2JwsSigner(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        try {
            if (key instanceof RSAPrivateKey rsa) {
                this.signer = new RSASSASigner(rsa);
                this.algorithm = JWSAlgorithm.RS256;
            } else if (key instanceof ECPrivateKey ec) {
                this.signer = new ECDSASigner(ec);
                this.algorithm = JWSAlgorithm.ES256;
            } else {
                throw new IllegalArgumentException("only RSA and EC P-256 keys sign OB 2.0 assertions");
            }
        } catch (JOSEException unsupportedCurve) {
            throw new IllegalArgumentException("only the P-256 curve is supported for EC keys", unsupportedCurve);
        }
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    /** The compact JWS over exactly these bytes. */
    public String sign(byte[] assertionJson) {
        JWSObject jws = new JWSObject(new JWSHeader(algorithm), new Payload(assertionJson.clone()));
        try {
            jws.sign(signer);
        } catch (JOSEException failed) {
            throw new IllegalStateException("signing failed with a key accepted at construction", failed);
        }
        return jws.serialize();
    }
}
