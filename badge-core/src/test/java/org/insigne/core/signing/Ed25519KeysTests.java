package org.insigne.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Verification with raw keys, including keys already seen (decoded once and kept). */
class Ed25519KeysTests {

    private static final byte[] MESSAGE = "badge".getBytes(StandardCharsets.UTF_8);

    @Test
    void verifiesAgainWithAKeyAlreadySeenAndStillRejectsForgeries() {
        Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
        byte[] signature = Ed25519Keys.sign(keys, MESSAGE);

        assertThat(Ed25519Keys.verify(keys.publicKey(), MESSAGE, signature)).isTrue();
        assertThat(Ed25519Keys.verify(keys.publicKey(), MESSAGE, signature)).isTrue();

        byte[] tampered = signature.clone();
        tampered[5] ^= 1;
        assertThat(Ed25519Keys.verify(keys.publicKey(), MESSAGE, tampered)).isFalse();
        assertThat(Ed25519Keys.verify(keys.publicKey(), "other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Ed25519Keys.verify(Ed25519Keys.generate().publicKey(), MESSAGE, signature)).isFalse();
    }

    @Test
    void reproducesTheRfc8032FirstTestVector() {
        // RFC 8032 §7.1, TEST 1: empty message.
        HexFormat hex = HexFormat.of();
        byte[] publicKey = hex.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] signature = hex.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

        assertThat(Ed25519Keys.verify(publicKey, new byte[0], signature)).isTrue();
        assertThat(Ed25519Keys.verify(publicKey, new byte[0], signature)).isTrue();
    }

    @Test
    void rejectsKeysThatAreNotCanonicalPoints() {
        Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
        byte[] signature = Ed25519Keys.sign(keys, MESSAGE);
        byte[] notCanonical = new byte[32];
        Arrays.fill(notCanonical, (byte) 0xff); // y ≥ p: not a canonical encoding (RFC 8032 §5.1.3 step 1)
        notCanonical[31] = 0x7f;

        assertThat(Ed25519Keys.verify(notCanonical, MESSAGE, signature)).isFalse();
        assertThat(Ed25519Keys.verify(notCanonical, MESSAGE, signature)).isFalse();
        assertThat(Ed25519Keys.verify(new byte[31], MESSAGE, signature)).isFalse();
    }
}
