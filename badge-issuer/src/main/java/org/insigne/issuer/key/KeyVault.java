package org.insigne.issuer.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts private keys with AES-256-GCM under the master key. The stored form is the 12-byte nonce followed by
 * the ciphertext and tag; the key's id is the associated data, so a ciphertext copied onto another row fails to
 * open. The master key is {@code insigne.keys.master-key} (env {@code INSIGNE_KEYS_MASTER_KEY}), base64 of
 * 32 bytes. With no master key configured (development), one is generated once into
 * {@code ${insigne.data-dir}/master.key}, readable by its owner only.
 */
@Component
public class KeyVault {

    private static final Logger log = LoggerFactory.getLogger(KeyVault.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec masterKey;

    KeyVault(@Value("${insigne.keys.master-key:}") String configured, @Value("${insigne.data-dir:}") String dataDir) {
        this.masterKey = new SecretKeySpec(masterKeyBytes(configured, dataDir), "AES");
    }

    byte[] encrypt(SigningKeyId id, byte[] plaintext) {
        return seal(id.value(), plaintext);
    }

    byte[] decrypt(SigningKeyId id, byte[] stored) {
        try {
            return open(id.value(), stored);
        } catch (GeneralSecurityException e) {
            // A wrong master key or a tampered row: nothing can be signed until an operator fixes it.
            throw new IllegalStateException("Signing key " + id.value() + " cannot be decrypted with the master key", e);
        }
    }

    /**
     * Encrypts another secret the platform must be able to read again (a webhook endpoint's signing secret),
     * bound to the id of the row that keeps it, as signing keys are.
     */
    public byte[] seal(UUID owner, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(owner));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens what {@link #seal} encrypted for the same {@code owner}; refuses a ciphertext of another row. */
    public byte[] open(UUID owner, byte[] stored) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
        cipher.updateAAD(aad(owner));
        return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
    }

    /**
     * Names the master key without revealing it (SHA-256 of a label and the key, hex), so that a backup can say
     * which key its signing keys need.
     */
    public String fingerprint() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update("insigne master key".getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(digest.digest(masterKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] aad(UUID owner) {
        return owner.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] masterKeyBytes(String configured, String dataDir) {
        if (!configured.isBlank()) {
            return check(Base64.getDecoder().decode(configured.strip()));
        }
        if (dataDir.isBlank()) {
            throw new IllegalStateException("insigne.keys.master-key is not set and there is no insigne.data-dir");
        }
        Path file = Path.of(dataDir).resolve("master.key");
        try {
            if (Files.exists(file)) {
                log.warn("Using the development master key in {}; production must set INSIGNE_KEYS_MASTER_KEY", file);
                return check(Base64.getDecoder().decode(Files.readString(file).strip()));
            }
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict the permissions of {}", file);
            }
            log.warn("Generated a development master key in {}; production must set INSIGNE_KEYS_MASTER_KEY", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] check(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("insigne.keys.master-key must be base64 of 32 bytes");
        }
        return key;
    }
}
