package org.insigne.core.baking;

import java.nio.charset.StandardCharsets;

import org.insigne.core.baking.BakingFailed.Reason;

/** Checks on the text about to be baked, common to PNG and SVG. */
final class Payloads {

    private Payloads() {
    }

    /**
     * The payload text as UTF-8, refused when blank, over the size limit, or not representable: an unpaired
     * surrogate would silently become '?' and a NUL or other C0 control cannot appear in an iTXt text or in XML.
     */
    static byte[] utf8(BakedPayload payload, BakingLimits limits) throws BakingFailed {
        String text = payload.text();
        if (text.isBlank()) {
            throw new BakingFailed(Reason.INVALID_PAYLOAD);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
                throw new BakingFailed(Reason.INVALID_PAYLOAD);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new BakingFailed(Reason.INVALID_PAYLOAD);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new BakingFailed(Reason.INVALID_PAYLOAD);
            }
        }
        if (text.length() > limits.maxPayloadBytes()) {
            throw new BakingFailed(Reason.PAYLOAD_TOO_LARGE, limits.maxPayloadBytes());
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limits.maxPayloadBytes()) {
            throw new BakingFailed(Reason.PAYLOAD_TOO_LARGE, limits.maxPayloadBytes());
        }
        return bytes;
    }
}
