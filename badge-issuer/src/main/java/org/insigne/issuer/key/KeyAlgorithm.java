package org.insigne.issuer.key;

/** Ed25519 signs OB 3.0 credentials (Data Integrity, VC-JWT); RSA-2048 signs OB 2.0 assertions (JWS RS256). */
public enum KeyAlgorithm {
    ED25519, RSA
}
