package org.insigne.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;

import org.insigne.core.ob2.CryptographicKey;
import org.junit.jupiter.api.Test;

class PemKeysTests {

    @Test
    void encodesPublicKeysInSixtyFourColumnLinesAndReadsThemBack() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        for (PublicKey key : new PublicKey[] {rsa.generateKeyPair().getPublic(), ec.generateKeyPair().getPublic()}) {
            String pem = PemKeys.encode(key);

            String[] lines = pem.split("\n");
            assertThat(lines[0]).isEqualTo("-----BEGIN PUBLIC KEY-----");
            assertThat(lines[lines.length - 1]).isEqualTo("-----END PUBLIC KEY-----");
            for (int i = 1; i < lines.length - 2; i++) {
                assertThat(lines[i]).hasSize(64);
            }
            assertThat(PemKeys.decode(pem).getEncoded()).isEqualTo(key.getEncoded());
            assertThat(PemKeys.decode(pem.replace("\n", "\r\n")).getEncoded()).isEqualTo(key.getEncoded());
        }
    }

    @Test
    void refusesTextThatIsNotAPublicKey() {
        assertThatThrownBy(() -> PemKeys.decode("hello")).isInstanceOfSatisfying(KeyRejected.class,
                k -> assertThat(k.messageKey()).isEqualTo("signing.key.not-pem"));
        assertThatThrownBy(() -> PemKeys.decode("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOfSatisfying(KeyRejected.class,
                        k -> assertThat(k.messageKey()).isEqualTo("signing.key.unsupported"));
    }

    @Test
    void describesAPublicKeyAsACryptographicKeyDocument() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        PublicKey key = rsa.generateKeyPair().getPublic();

        CryptographicKey document = CryptographicKey.of(URI.create("https://i.example/k/1"),
                URI.create("https://i.example/issuer"), key);

        assertThat(document.owner()).hasToString("https://i.example/issuer");
        assertThat(document.json().get("type").stringValue()).isEqualTo("CryptographicKey");
        assertThat(document.json().get("publicKeyPem").stringValue()).isEqualTo(PemKeys.encode(key));
    }

    @Test
    void signsWithRs256OrEs256AndVerifiesOnlyWithTheMatchingKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = ec.generateKeyPair();
        var other = ec.generateKeyPair();
        Ob2JwsSigner signer = new Ob2JwsSigner(pair.getPrivate());
        CompactJws jws = CompactJws.parse(signer.sign("{\"a\":1}".getBytes()));
        Ob2JwsVerifier verifier = new Ob2JwsVerifier();

        assertThat(signer.algorithm().getName()).isEqualTo("ES256");
        assertThat(jws.payloadText()).isEqualTo("{\"a\":1}");
        verifier.verify(jws, PemKeys.encode(pair.getPublic()));
        assertThatThrownBy(() -> verifier.verify(jws, PemKeys.encode(other.getPublic())))
                .isInstanceOfSatisfying(JwsRejected.class,
                        r -> assertThat(r.reason()).isEqualTo(JwsRejected.Reason.BAD_SIGNATURE));
    }
}
