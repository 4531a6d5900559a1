package org.insigne.issuer.award;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.insigne.issuer.badgeclass.BadgeClassId;

/**
 * What makes two bulk awards the same award: the SHA-256 of the badge class, the normalised e-mail address,
 * the level, the evidence and the issue date as written (none when the file gives none, so that the same file
 * uploaded the next day is still the same awards). Stored unique on the award.
 */
public record IdempotencyKey(String value) {

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hexadecimal");
        }
    }

    public static IdempotencyKey of(BadgeClassId badgeClass, AwardRequest request) {
        // Unit separators keep fields apart, so "a|b" + "c" never hashes like "a" + "b|c".
        String joined = String.join("\u001f", badgeClass.value().toString(), request.recipientEmail(),
                request.level(), Objects.toString(request.evidenceUrl(), ""),
                Objects.toString(request.evidenceNarrative(), ""),
                request.issuedOn() == null ? "" : request.issuedOn().toString());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return new IdempotencyKey(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
