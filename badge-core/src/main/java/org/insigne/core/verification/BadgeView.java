package org.insigne.core.verification;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A read-only view of one badge, the same for Open Badges 2.0 assertions and 3.0 credentials, so that pages
 * and the backpack need not care which one they show. Text is as the issuer wrote it: render it escaped.
 */
public record BadgeView(
        Spec spec,
        @Nullable URI id,
        String name,
        @Nullable String description,
        @Nullable URI image,
        @Nullable String criteriaNarrative,
        @Nullable URI criteriaUrl,
        Party issuer,
        @Nullable Instant issuedOn,
        @Nullable Instant expires,
        @Nullable String level,
        List<Evidence> evidence,
        List<Alignment> alignments,
        List<String> tags,
        List<Party> endorsers,
        List<Endorsement> endorsements) {

    public BadgeView {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(issuer, "issuer");
        evidence = List.copyOf(evidence);
        alignments = List.copyOf(alignments);
        tags = List.copyOf(tags);
        endorsers = List.copyOf(endorsers);
        endorsements = List.copyOf(endorsements);
    }

    /** A view without the per-endorsement results, for readers that only name the endorsers. */
    public BadgeView(Spec spec, @Nullable URI id, String name, @Nullable String description, @Nullable URI image,
                     @Nullable String criteriaNarrative, @Nullable URI criteriaUrl, Party issuer,
                     @Nullable Instant issuedOn, @Nullable Instant expires, @Nullable String level,
                     List<Evidence> evidence, List<Alignment> alignments, List<String> tags, List<Party> endorsers) {
        this(spec, id, name, description, image, criteriaNarrative, criteriaUrl, issuer, issuedOn, expires, level,
                evidence, alignments, tags, endorsers, List.of());
    }

    /** An issuer or endorser. */
    public record Party(@Nullable URI id, String name, @Nullable URI url, @Nullable URI image) {
        public Party {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * One endorsement of the badge, its achievement or its issuer, with the verdict of its own verification
     * (signature, status, dates, endorser is the signer, endorses what it is attached to). It never changes the
     * badge's verdict; anything but {@link Verdict#VALID} must not be shown as verified.
     */
    public record Endorsement(Party endorser, @Nullable URI id, @Nullable URI target, @Nullable String comment,
                              @Nullable Instant issuedOn, Verdict verdict, List<Check> checks) {
        public Endorsement {
            Objects.requireNonNull(endorser, "endorser");
            Objects.requireNonNull(verdict, "verdict");
            checks = List.copyOf(checks);
        }
    }

    public record Evidence(@Nullable URI id, @Nullable String name, @Nullable String narrative) {
    }

    public record Alignment(@Nullable URI targetUrl, String targetName, @Nullable String targetFramework,
                            @Nullable String targetCode) {
        public Alignment {
            Objects.requireNonNull(targetName, "targetName");
        }
    }
}
