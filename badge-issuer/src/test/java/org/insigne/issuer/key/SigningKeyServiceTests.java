package org.insigne.issuer.key;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Arrays;
import java.util.UUID;

import org.insigne.core.signing.Ed25519Keys;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class SigningKeyServiceTests {

    @Autowired SigningKeyService keys;
    @Autowired OrganisationService organisations;
    @Autowired JdbcTemplate jdbc;

    @Test
    void storesPrivateKeysOnlyEncryptedAndReadsThemBack() throws Exception {
        OrganisationId org = organisations.create(UUID.randomUUID(), "Ligue").id();

        OrganisationKeys first = keys.signingKeys(org);
        OrganisationKeys again = keys.signingKeys(org);

        assertThat(again.ed25519Id()).isEqualTo(first.ed25519Id());
        assertThat(again.ed25519()).isEqualTo(first.ed25519());
        assertThat(again.rsa().getEncoded()).isEqualTo(first.rsa().getEncoded());
        byte[] storedEd = stored(first.ed25519Id());
        byte[] storedRsa = stored(first.rsaId());
        assertThat(contains(storedEd, first.ed25519().privateKey())).isFalse();
        assertThat(contains(storedRsa, Arrays.copyOfRange(first.rsa().getEncoded(), 40, 72))).isFalse();
        assertThat(storedEd.length).isEqualTo(12 + 32 + 16);

        byte[] message = "badge".getBytes(StandardCharsets.UTF_8);
        PublicSigningKey edPublic = keys.publishedKey(first.ed25519Id()).orElseThrow();
        assertThat(Ed25519Keys.verify(edPublic.publicKey(), message, Ed25519Keys.sign(again.ed25519(), message))).isTrue();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(again.rsa());
        rsa.update(message);
        byte[] signature = rsa.sign();
        Signature check = Signature.getInstance("SHA256withRSA");
        check.initVerify(keys.publishedKey(first.rsaId()).orElseThrow().rsaPublicKey());
        check.update(message);
        assertThat(check.verify(signature)).isTrue();
    }

    @Test
    void refusesACiphertextMovedToAnotherKey() {
        OrganisationId org = organisations.create(UUID.randomUUID(), "Ligue").id();
        OrganisationKeys current = keys.signingKeys(org);
        jdbc.update("update signing_key set encrypted_private_key = ? where id = ?", stored(current.ed25519Id()),
                current.rsaId().value());

        assertThatThrownBy(() -> keys.signingKeys(org)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsRetiredKeysPublishedAndMakesNewOnes() {
        OrganisationId org = organisations.create(UUID.randomUUID(), "Ligue").id();
        OrganisationKeys before = keys.signingKeys(org);

        keys.rotate(org);
        OrganisationKeys after = keys.signingKeys(org);

        assertThat(after.ed25519Id()).isNotEqualTo(before.ed25519Id());
        assertThat(keys.publishedKeys(org)).hasSize(4)
                .filteredOn(k -> k.retiredAt() != null).extracting(PublicSigningKey::id)
                .containsExactlyInAnyOrder(before.ed25519Id(), before.rsaId());
    }

    private byte[] stored(SigningKeyId id) {
        return jdbc.queryForObject("select encrypted_private_key from signing_key where id = ?", byte[].class, id.value());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
