package org.insigne.core.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.math.ec.ECPoint;

/**
 * P-256 public keys written as Multikey (W3C Controller Documents §2.2.2: multicodec {@code p256-pub},
 * varint {@code 0x80 0x24}, then the 33-byte compressed SEC 1 point; base58-btc strings start {@code zDn}),
 * and ECDSA P-256/SHA-256 signatures in the IEEE P1363 form ({@code r || s}, 64 bytes) Data Integrity uses.
 */
public final class P256Keys {

    private static final byte[] MULTICODEC_P256_PUB = {(byte) 0x80, 0x24};

    private P256Keys() {
    }

    /** The key of a {@code zDn...} Multikey string; refuses other key types. */
    public static ECKey decodePublicKeyMultibase(String multibase) {
        return fromMultikeyBytes(Multibase.decode(multibase));
    }

    /**
     * The key of Multikey bytes (header + compressed point). The point must lie on the curve: BouncyCastle's
     * decoding checks it, so an invalid-curve key cannot be slipped in.
     */
    public static ECKey fromMultikeyBytes(byte[] bytes) {
        if (bytes.length != 35 || bytes[0] != MULTICODEC_P256_PUB[0] || bytes[1] != MULTICODEC_P256_PUB[1]) {
            throw new IllegalArgumentException("not a P-256 Multikey");
        }
        ECPoint point;
        try {
            point = ECNamedCurveTable.getParameterSpec("secp256r1").getCurve()
                    .decodePoint(Arrays.copyOfRange(bytes, 2, 35)).normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a point of P-256", e);
        }
        if (point.isInfinity()) {
            throw new IllegalArgumentException("not a point of P-256");
        }
        return new ECKey.Builder(Curve.P_256, Base64URL.encode(point.getAffineXCoord().getEncoded()),
                Base64URL.encode(point.getAffineYCoord().getEncoded())).build();
    }

    /** True when {@code signature} ({@code r || s}) is a valid ECDSA P-256/SHA-256 signature of {@code data}. */
    public static boolean verify(ECKey key, byte[] data, byte[] signature) {
        if (signature.length != 64 || !Curve.P_256.equals(key.getCurve())) {
            return false;
        }
        try {
            ECPublicKey publicKey = key.toECPublicKey();
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (JOSEException | GeneralSecurityException e) {
            return false;
        }
    }
}
