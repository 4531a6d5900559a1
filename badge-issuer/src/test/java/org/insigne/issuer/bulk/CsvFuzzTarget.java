package org.insigne.issuer.bulk;

/**
 * Fuzz target of the bulk award CSV reader (encoding and separator detection, then Commons CSV): it may refuse
 * a file only with {@link CsvRejected}, which the console shows as a message. Run by {@code fuzz/run.sh}.
 */
public final class CsvFuzzTarget {

    private CsvFuzzTarget() {
    }

    /** Loads the classes the target uses before fuzzing starts (see FuzzTargets.Warm). */
    public static void fuzzerInitialize() {
        fuzzerTestOneInput("email;nom\na@example.org;A\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            CsvReader.read(data);
        } catch (CsvRejected declared) {
            // a file the console refuses with a message
        }
    }
}
