package org.insigne.core.bench;

import java.util.zip.CRC32;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.baking.PngFixtures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Baking runs once per award; unbaking on every import and every dropped file on the verify page. The image is
 * a ~60 KB incompressible PNG (typical badge size) and the payload a ~2 KB VC-JWT.
 */
@State(Scope.Benchmark)
public class BakingBenchmark {

    private Baker baker;
    private byte[] image;
    private byte[] baked;
    private BakedPayload payload;

    @Setup
    public void setUp() throws BakingFailed {
        baker = new Baker(BakingLimits.defaults());
        image = PngFixtures.png(144, 140, true);
        payload = new BakedPayload(PayloadKind.OB3_CREDENTIAL, "eyJhbGciOiJSUzI1NiJ9." + "x".repeat(2000) + ".sig", null);
        baked = baker.bake(image, payload);
    }

    @Benchmark
    public byte[] bake() throws BakingFailed {
        return baker.bake(image, payload);
    }

    @Benchmark
    public BakedPayload unbake() throws BakingFailed {
        return baker.unbake(baked);
    }

    /** Reference: what checking the CRC of every byte of the image (IDAT included) would add. */
    @Benchmark
    public long crcOfWholeImage() {
        CRC32 crc = new CRC32();
        crc.update(baked, 0, baked.length);
        return crc.getValue();
    }
}
