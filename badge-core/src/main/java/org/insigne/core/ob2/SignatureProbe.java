package org.insigne.core.ob2;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.insigne.core.signing.CompactJws;
import org.insigne.core.signing.JwsRejected;
import org.insigne.core.signing.KeyRejected;
import org.insigne.core.signing.Ob2JwsVerifier;
import org.insigne.core.verification.Check;

import tools.jackson.databind.JsonNode;

/**
 * {@code ob2.signature} (ob_v2p0 "Signed verification"): the JWS must verify with a key the issuer lists and
 * that names the issuer as its owner. A key that cannot be reached leaves the signature unverified
 * (indeterminate), never valid. Hosted assertions carry no signature.
 */
final class SignatureProbe implements Ob2Probe {

    private static final String BAD = "ob2.signature.bad";

    private final Ob2JwsVerifier jwsVerifier;

    SignatureProbe(Ob2JwsVerifier jwsVerifier) {
        this.jwsVerifier = jwsVerifier;
    }

    @Override
    public boolean run(Ob2Context context) {
        Assertion assertion = context.assertion();
        if (assertion.isSigned()) {
            check(context, assertion, context.issuer());
        } else {
            context.add(Check.skipped(Ob2Verifier.SIGNATURE, "ob2.signature.hosted"));
        }
        return true;
    }

    private void check(Ob2Context context, Assertion assertion, Profile issuer) {
        CompactJws token = Objects.requireNonNull(context.jws());
        URI creator = assertion.verification().creator();
        if (creator != null && !issuer.publicKeys().contains(creator)) {
            context.fail(Ob2Verifier.SIGNATURE, "ob2.signature.creator-not-listed", creator.toString());
            return;
        }
        List<URI> candidates = creator != null ? List.of(creator) : issuer.publicKeys();
        if (candidates.isEmpty()) {
            context.fail(Ob2Verifier.SIGNATURE, "ob2.signature.no-keys");
            return;
        }
        String failure = BAD;
        Object failureArg = "";
        boolean unreachable = false;
        for (URI keyId : candidates) {
            CryptographicKey key = issuer.embeddedKeys().stream().filter(k -> k.id().equals(keyId))
                    .findFirst().orElse(null);
            if (key == null) {
                if (!Ob2Documents.isHttp(keyId)) {
                    failure = "ob2.signature.key-not-fetchable";
                    failureArg = keyId.toString();
                    continue;
                }
                Ob2Documents.Loaded loadedKey = context.load(keyId);
                JsonNode keyTree = loadedKey.tree();
                if (keyTree == null) {
                    if (loadedKey.isOutage()) {
                        unreachable = true;
                    } else {
                        failure = "ob2.signature.key-unreadable";
                        failureArg = keyId.toString();
                    }
                    continue;
                }
                try {
                    key = Ob2Reader.readCryptographicKey(keyTree);
                } catch (Ob2ParseFailed unreadable) {
                    failure = "ob2.signature.key-unreadable";
                    failureArg = keyId.toString();
                    continue;
                }
                if (!context.servedFromItsOwnHost(key.id(), keyId)) {
                    failure = "ob2.signature.key-owner-mismatch";
                    failureArg = keyId.toString();
                    continue;
                }
            }
            if (key.owner() == null || !key.owner().equals(issuer.id())) {
                failure = "ob2.signature.key-owner-mismatch";
                failureArg = keyId.toString();
                continue;
            }
            try {
                jwsVerifier.verify(token, key.publicKeyPem());
                context.add(Check.passed(Ob2Verifier.SIGNATURE, "ob2.signature.ok", keyId.toString(),
                        token.algorithm().getName()));
                return;
            } catch (KeyRejected badKey) {
                failure = "ob2.signature.key-unreadable";
                failureArg = keyId.toString();
            } catch (JwsRejected mismatch) {
                failure = BAD;
            }
        }
        if (unreachable && BAD.equals(failure)) {
            context.outage();
            context.add(Check.skipped(Ob2Verifier.SIGNATURE, "ob2.signature.key-unreachable"));
            return;
        }
        context.fail(Ob2Verifier.SIGNATURE, failure, failureArg);
    }
}
