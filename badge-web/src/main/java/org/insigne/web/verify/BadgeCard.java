package org.insigne.web.verify;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.insigne.core.ob3.Ob3Verifier;
import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.issuer.badgeclass.CriteriaHtml;
import org.jspecify.annotations.Nullable;

/**
 * One badge as every public page shows it, through the {@code fragments/badge-card} template: a plain verdict with its
 * reason, what the verdict rests on, and the badge's facts. Built from the issuer's own records (a badge
 * Insigne issued), from a backpack badge's last verification, or from a verification just made.
 *
 * <p>Text is as the issuer wrote it and is rendered escaped, except {@code criteriaHtml}: the criteria
 * narrative, Markdown in both Open Badges versions, rendered and sanitised by {@link #criteriaHtml(String)} or by
 * Insigne's badge classes. {@code detail} is a check message already in the reader's
 * language; {@code reason} is the issuer's revocation reason. {@code tags} and {@code alignments} say what skill
 * the badge stands for (an ESCO skill, an RNCP certification…).
 */
public record BadgeCard(Status status, Basis basis, @Nullable Instant checkedAt, @Nullable String reason,
                        @Nullable String detail, String name, @Nullable String imageUrl,
                        @Nullable String description, @Nullable String level, String issuerName,
                        @Nullable String issuerUrl, List<Endorsement> endorsements, @Nullable String criteriaHtml,
                        @Nullable String criteriaText, @Nullable String criteriaUrl, List<Evidence> evidence,
                        @Nullable Instant issuedOn, @Nullable Instant expires, @Nullable Instant revokedAt,
                        List<String> tags, List<Alignment> alignments) {

    /** The verdict a reader sees first. Only {@link #AUTHENTIC} says the badge can be trusted. */
    public enum Status {
        AUTHENTIC, REVOKED, EXPIRED, UNVERIFIABLE, INVALID,
        /** Not a badge, or secured by a means Insigne does not check: neither trusted nor disproved. */
        UNSUPPORTED;

        /** The message key suffix and CSS class. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the verdict rests on, which the page says under it. */
    public enum Basis {
        /** Insigne issued the badge and holds its signed bytes: its own records, as of this request. */
        ISSUER_RECORDS,
        /** A badge kept in a backpack: its last verification, at {@code checkedAt}. */
        LAST_CHECK,
        /** A verification made just now, whose checks the page lists. */
        THIS_CHECK;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One endorsement as the card shows it: who, why ({@code commentHtml}, Markdown rendered and sanitised like
     * criteria), when, and what its own check found. Only {@link EndorsementResult#VERIFIED} is shown as verified.
     */
    public record Endorsement(String endorserName, @Nullable String endorserUrl, @Nullable String commentHtml,
                              @Nullable Instant date, EndorsementResult result) {
        public Endorsement {
            endorserUrl = webOnly(endorserUrl);
        }

        /** An endorser a past verification found valid, with nothing more kept about it. */
        public Endorsement(String endorserName, @Nullable String endorserUrl, @Nullable String comment) {
            this(endorserName, endorserUrl, criteriaHtml(comment), null, EndorsementResult.VERIFIED);
        }

        /** An endorsement in force in this platform's own records. */
        public static Endorsement inForce(String endorserName, @Nullable String endorserUrl, @Nullable String comment,
                                          @Nullable Instant date) {
            return new Endorsement(endorserName, endorserUrl, criteriaHtml(comment), date, EndorsementResult.IN_FORCE);
        }

        /** An endorsement carried by a badge just verified, with the verdict of its own verification. */
        static Endorsement of(BadgeView.Endorsement endorsement) {
            EndorsementResult result = switch (endorsement.verdict()) {
                case VALID -> EndorsementResult.VERIFIED;
                case INVALID -> EndorsementResult.INVALID;
                case INDETERMINATE, UNSUPPORTED -> EndorsementResult.UNVERIFIABLE;
            };
            String comment = endorsement.comment();
            if (comment != null && comment.length() > MAX_FOREIGN_COMMENT) {
                comment = comment.substring(0, MAX_FOREIGN_COMMENT) + "…";
            }
            return new Endorsement(endorsement.endorser().name(), text(endorsement.endorser().url()),
                    criteriaHtml(comment), endorsement.issuedOn(), result);
        }

        public String resultKey() {
            return result.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What is known of one endorsement. */
    public enum EndorsementResult { VERIFIED, INVALID, UNVERIFIABLE, IN_FORCE }

    /** A comment longer than this, from another platform, is cut before rendering: a card is no document. */
    static final int MAX_FOREIGN_COMMENT = 4000;

    public record Evidence(@Nullable String url, @Nullable String narrative) {
        public Evidence {
            url = webOnly(url);
        }
    }

    /**
     * A framework entry the badge aligns to: its name is the link's text, the framework and code said beside it.
     * A badge from elsewhere may name an address that is no web page: the name then stays unlinked.
     */
    public record Alignment(String name, @Nullable String url, @Nullable String framework, @Nullable String code) {
        public Alignment {
            url = webOnly(url);
            framework = framework == null || framework.isBlank() ? null : framework.strip();
            code = code == null || code.isBlank() ? null : code.strip();
        }
    }

    /** Tags and alignments a card shows at most: a badge from elsewhere could carry thousands. */
    static final int MAX_SKILLS = 50;

    /** Addresses a page links to are http(s) only: a {@code javascript:} or {@code data:} one stays unlinked. */
    public BadgeCard {
        issuerUrl = webOnly(issuerUrl);
        criteriaUrl = webOnly(criteriaUrl);
        endorsements = List.copyOf(endorsements);
        evidence = List.copyOf(evidence);
        tags = tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().limit(MAX_SKILLS)
                .toList();
        alignments = alignments.stream().limit(MAX_SKILLS).toList();
    }

    static @Nullable String webOnly(@Nullable String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    /**
     * A criteria narrative as a page shows it: Open Badges 2.0 and 3.0 say it is Markdown, so a badge from any
     * platform reads like one Insigne issued rather than with raw {@code **} and {@code -}. The same renderer
     * and allowlist as Insigne's own criteria: formatting, lists and http(s)/mailto links only.
     */
    public static @Nullable String criteriaHtml(@Nullable String markdown) {
        return markdown == null || markdown.isBlank() ? null : CriteriaHtml.cached(markdown);
    }

    /** The badge of a verification report, when it could be read at all. */
    public static Optional<BadgeCard> of(VerificationReport report, Locale locale) {
        BadgeView badge = report.badge();
        if (badge == null) {
            return Optional.empty();
        }
        Status status = statusOf(report.verdict(), report.checks());
        return Optional.of(new BadgeCard(status, Basis.THIS_CHECK, null, null, detailOf(status, report.checks(), locale),
                badge.name(), null, badge.description(), badge.level(), badge.issuer().name(),
                text(badge.issuer().url()),
                badge.endorsements().isEmpty()
                        ? badge.endorsers().stream().map(e -> new Endorsement(e.name(), text(e.url()), null)).toList()
                        : badge.endorsements().stream().map(Endorsement::of).toList(),
                criteriaHtml(badge.criteriaNarrative()), null, text(badge.criteriaUrl()),
                badge.evidence().stream().filter(e -> e.id() != null || e.narrative() != null)
                        .map(e -> new Evidence(text(e.id()), e.narrative())).toList(),
                badge.issuedOn(), badge.expires(), null, badge.tags(),
                badge.alignments().stream().map(a -> new Alignment(a.targetName(), text(a.targetUrl()),
                        a.targetFramework(), a.targetCode())).toList()));
    }

    /**
     * The reader's verdict from a verification's overall verdict and checks: a failure is named revoked or
     * expired when a failed check says so (whatever the specification), else it stays "not valid"; a
     * verification that could not conclude is never shown as valid.
     */
    public static Status statusOf(Verdict verdict, List<Check> checks) {
        return switch (verdict) {
            case VALID -> Status.AUTHENTIC;
            case INDETERMINATE -> Status.UNVERIFIABLE;
            case UNSUPPORTED -> Status.UNSUPPORTED;
            case INVALID -> {
                if (checks.stream().anyMatch(c -> failed(c) && isRevocation(c))) {
                    yield Status.REVOKED;
                }
                yield checks.stream().anyMatch(c -> failed(c) && c.messageKey().endsWith(".expired"))
                        ? Status.EXPIRED : Status.INVALID;
            }
        };
    }

    /**
     * The check that explains the verdict, in the reader's language: the first failure for a negative
     * verdict, the first warning for an inconclusive one, the first check not made for an unsupported one; none
     * for an authentic badge. Recipient checks are left out: their messages name an address, which a public page
     * must not show.
     */
    public static @Nullable String detailOf(Status status, List<Check> checks, Locale locale) {
        CheckStatus wanted = switch (status) {
            case AUTHENTIC -> null;
            case UNVERIFIABLE -> CheckStatus.WARNING;
            // The check that could not be made, which names what is not supported.
            case UNSUPPORTED -> CheckStatus.SKIPPED;
            case REVOKED, EXPIRED, INVALID -> CheckStatus.FAILED;
        };
        if (wanted == null) {
            return null;
        }
        // A subject naming no one is a note on the badge, not why it could not be verified: said last.
        return checks.stream().filter(c -> c.status() == wanted && !c.id().contains("recipient"))
                .filter(c -> status != Status.REVOKED || isRevocation(c))
                .sorted(java.util.Comparator.comparing(c -> c.id().equals(Ob3Verifier.SUBJECT)))
                .findFirst().map(c -> CheckMessages.render(c, locale)).orElse(null);
    }

    private static boolean failed(Check check) {
        return check.status() == CheckStatus.FAILED;
    }

    private static boolean isRevocation(Check check) {
        String key = check.messageKey();
        return key.contains(".revoked") || key.equals("ob2.revocation.gone") || key.equals("ob2.revocation.gone-reason")
                || key.equals("ob2.hosted-copy.gone");
    }

    private static @Nullable String text(java.net.@Nullable URI uri) {
        return uri == null ? null : uri.toString();
    }
}
