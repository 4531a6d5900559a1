package org.insigne.backpack.sharing;

import java.time.Instant;
import java.util.List;

import org.insigne.backpack.badge.VerificationStatus;
import org.jspecify.annotations.Nullable;

/** An anonymous CV as anyone sees it: the badges and their verification, nothing that names the earner. */
public record PublicCvView(Instant createdAt, List<Entry> badges) {

    public PublicCvView {
        badges = List.copyOf(badges);
    }

    /**
     * One badge of the CV.
     *
     * @param publicId the badge's own public page, where anyone can check it, or null while the badge is private
     * @param linked   whether the badge names the address its holder proved to own (else it names no one)
     */
    public record Entry(String name, String issuerName, @Nullable Instant issuedOn, @Nullable Instant expires,
                        VerificationStatus status, Instant lastCheckedAt, @Nullable String publicId, boolean linked) {
    }
}
