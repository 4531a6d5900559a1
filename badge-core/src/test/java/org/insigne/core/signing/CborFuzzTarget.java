package org.insigne.core.signing;

/**
 * Fuzz target of the strict CBOR reader (ecdsa-sd-2023 derived proofs): it may refuse an input only with
 * {@link IllegalArgumentException}, its declared rejection. See {@code org.insigne.core.fuzz.FuzzTargets}.
 */
public final class CborFuzzTarget {

    private CborFuzzTarget() {
    }

    /** Loads the classes the target uses before fuzzing starts (see FuzzTargets.Warm). */
    public static void fuzzerInitialize() {
        fuzzerTestOneInput(new byte[] {(byte) 0x83, 1, 0x41, 2, (byte) 0xa1, 1, 2});
    }

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Cbor.decode(data, 0);
        } catch (IllegalArgumentException declared) {
            // not the CBOR a derived proof holds
        }
    }
}
