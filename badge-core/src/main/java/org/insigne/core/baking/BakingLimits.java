package org.insigne.core.baking;

/**
 * Size caps for baking and unbaking. Images come from users and other platforms, so both the image and the
 * payload found in it are bounded before any work is done on them.
 *
 * @param maxImageBytes   largest image accepted, in bytes
 * @param maxPayloadBytes largest baked payload accepted or written, in bytes (UTF-8)
 */
public record BakingLimits(int maxImageBytes, int maxPayloadBytes) {

    public BakingLimits {
        if (maxImageBytes <= 0 || maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** 5 MB images, 1 MB payloads. */
    public static BakingLimits defaults() {
        return new BakingLimits(5 * 1024 * 1024, 1024 * 1024);
    }
}
