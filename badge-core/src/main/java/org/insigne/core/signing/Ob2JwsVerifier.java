package org.insigne.core.signing;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record Cached(PublicKey key, JWSVerifier verifier) {
    }

    /** Throws when the key is unusable or the signature does not verify. */
    public void verify(CompactJws jws, String publicKeyPem) throws JwsRejected, KeyRejected {
        Cached cached;
        synchronized (cache) {
            cached = cache.get(publicKeyPem);
        }
        if (cached == null) {
            PublicKey key = PemKeys.decode(publicKeyPem);
            cached = new Cached(key, verifierFor(key));
            synchronized (cache) {
                cache.put(publicKeyPem, cached);
            }
        }
        verify(jws, cached.verifier(), cached.key());
    }

    public void verify(CompactJws jws, PublicKey key) throws JwsRejected, KeyRejected {
        verify(jws, verifierFor(key), key);
    }

    private static void verify(CompactJws jws, JWSVerifier verifier, PublicKey key) throws JwsRejected {
        String family = jws.algorithm().getName().substring(0, 2);
        boolean matches = key instanceof RSAPublicKey ? family.equals("RS") || family.equals("PS")
                : family.equals("ES");
        if (!matches) {
            throw new JwsRejected(JwsRejected.Reason.BAD_SIGNATURE);
        }
        try {
            if (!jws.jws().verify(verifier)) {
                throw new JwsRejected(JwsRejected.Reason.BAD_SIGNATURE);
            }
        } catch (JOSEException | IllegalStateException broken) {
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
