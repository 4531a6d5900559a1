package org.insigne.issuer.key;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyVaultTests {

    @TempDir
    Path dataDir;

    @Test
    void generatesADevelopmentMasterKeyOnceReadableByItsOwnerOnly() throws Exception {
        SigningKeyId id = new SigningKeyId(UUID.randomUUID());
        byte[] secret = "une clé privée".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = new KeyVault("", dataDir.toString()).encrypt(id, secret);
        Path file = dataDir.resolve("master.key");

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(new KeyVault("", dataDir.toString()).decrypt(id, sealed)).isEqualTo(secret);
    }

    @Test
    void prefersTheConfiguredKeyAndRefusesAnyOtherKey() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        SigningKeyId id = new SigningKeyId(UUID.randomUUID());
        byte[] sealed = new KeyVault(configured, dataDir.toString()).encrypt(id, new byte[] {1, 2, 3});

        assertThat(Files.exists(dataDir.resolve("master.key"))).isFalse();
        assertThat(new KeyVault(configured, "").decrypt(id, sealed)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> new KeyVault("", dataDir.toString()).decrypt(id, sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new KeyVault(Base64.getEncoder().encodeToString(new byte[16]), ""))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sealed).hasSize(12 + 3 + 16);
    }
}
