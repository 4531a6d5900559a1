package org.insigne.core.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;

/**
 * Checks a screened {@link CompactJws} against a public key the caller took from the issuer profile. Parsed
 * keys and their verifiers are cached by PEM text (bounded), because parsing a key costs more than checking
 * an RS256 signature and the same few issuer keys verify most badges. Thread-safe.
 */
public final class Ob2JwsVerifier {

    private static final int CACHE_SIZE = 256;

    private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

    private record Cached(PublicKey key, JWSVerifier verifier) {
    }

    /** Throws when the key is unusable or the signature does not verify. */
    public void verify(CompactJws jws, String publicKeyPem) throws JwsRejected, KeyRejected {
        Cached cached = cache.getIfPresent(publicKeyPem);
        if (cached == null) {
            PublicKey key = PemKeys.decode(publicKeyPem);
            cached = new Cached(key, verifierFor(key));
            cache.put(publicKeyPem, cached);
        }
        verify(jws, cached.verifier(), cached.key());
    }

    public void verify(CompactJws jws, PublicKey key) throws JwsRejected, KeyRejected {
        verify(jws, verifierFor(key), key);
    }

    /** JCA names of the RSA PKCS#1 v1.5 algorithms, checked directly: the hot path of OB 2.0 verification. */
    private static final Map<String, String> RSA_PKCS1 = Map.of(
            "RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");

    /** Signature engines are not thread-safe but cost a provider lookup to create: one set per thread. */
    private static final ThreadLocal<Map<String, Signature>> ENGINES = ThreadLocal.withInitial(HashMap::new);

    private static void verify(CompactJws jws, JWSVerifier verifier, PublicKey key) throws JwsRejected {
        String name = jws.algorithm().getName();
        String family = name.substring(0, 2);
        boolean matches = key instanceof RSAPublicKey ? family.equals("RS") || family.equals("PS")
                : family.equals("ES");
        if (!matches) {
            throw new JwsRejected(JwsRejected.Reason.BAD_SIGNATURE);
        }
        String jca = RSA_PKCS1.get(name);
        if (jca != null) {
            verifyRsa(jws, jca, key);
            return;
        }
        try {
            if (!jws.verifyWith(verifier)) {
                throw new JwsRejected(JwsRejected.Reason.BAD_SIGNATURE);
            }
        } catch (JOSEException | IllegalStateException broken) {
            throw new JwsRejected(JwsRejected.Reason.BAD_SIGNATURE);
        }
    }

    private static void verifyRsa(CompactJws jws, String jca, PublicKey key) throws JwsRejected {
        try {
            Signature engine = ENGINES.get().get(jca);
            if (engine == null) {
                engine = Signature.getInstance(jca);
                ENGINES.get().put(jca, engine);
            }
            engine.initVerify(key);
            engine.update(jws.signingInput());
            if (!engine.verify(jws.signatureBytes())) {
                throw new JwsRejected(JwsRejected.Reason.BAD_SIGNATURE);
            }
        } catch (GeneralSecurityException broken) {
            throw new JwsRejected(JwsRejected.Reason.BAD_SIGNATURE);
        }
    }

    private static JWSVerifier verifierFor(PublicKey key) throws KeyRejected {
        try {
            if (key instanceof RSAPublicKey rsa) {
                return new RSASSAVerifier(rsa);
            }
            if (key instanceof ECPublicKey ec) {
                return new ECDSAVerifier(ec);
            }
        } catch (JOSEException unsupportedCurve) {
            throw new KeyRejected("signing.key.unsupported");
        }
        throw new KeyRejected("signing.key.unsupported");
    }
}
