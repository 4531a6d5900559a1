package org.insigne.web.badgepage;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.PublicAward;
import org.insigne.web.system.DisplayDates;
import org.jspecify.annotations.Nullable;
import org.unbescape.html.HtmlEscape;

/**
 * The content of the public badge page for every award of one {@link Shape}, as the template renders it for a
 * stand-in award whose own values (id, level, dates, reason, evidence) are markers: the text between the
 * markers is the template's output for all those awards, so a reader's page is that text with the award's
 * values put in place of the markers, escaped as the template escapes them ({@code th:text} and attribute
 * values both use {@code HtmlEscape.escapeHtml4Xml}). This keeps the page to one template while a view costs
 * string copies instead of a template rendering (docs/decisions/0004-public-page-renderer-and-cache.md).
 *
 * <p>What else decides the page's markup is part of the shape: which values the award has at all (the
 * template leaves out a level, an expiry or evidence it does not have), its state, and the badge class,
 * issuer, language, address and public base it is shown with. {@code PublicBadgePageIntegrationTests} checks
 * that the page filled in is the page the template renders for the award itself.
 */
final class BadgePagePattern {

    /** A value of the award's own, and how the template writes it. */
    enum Slot { ID, LEVEL, REASON, EVIDENCE_URL, EVIDENCE_NARRATIVE, ISSUED_DATE, ISSUED_TIME, ISSUED_ISO,
        EXPIRES_DATE, EXPIRES_TIME, EXPIRES_ISO, REVOKED_DATE, REVOKED_TIME, REVOKED_ISO }

    /**
     * What the page's markup depends on besides the award's own values. {@code path} is the address with the
     * stand-in id; {@code evidenceUrl} whether the award names an evidence address at all, and
     * {@code evidenceScheme} the scheme of the link the card makes of it ("https://"), null when it makes none.
     */
    record Shape(UUID badgeClass, UUID organisation, String path, String language, String base,
                 PublicAward.Status state, boolean level, boolean expires, boolean reason, boolean evidenceUrl,
                 @Nullable String evidenceScheme, boolean narrative) {

        static Shape of(PublicAward award, PublicAward.Status state, String path, Locale locale, String base) {
            return new Shape(award.badgeClassId(), award.organisationId(),
                    path.replace(award.id().value().toString(), STAND_IN_ID.toString()), locale.getLanguage(), base,
                    state, award.level() != null, award.expiresAt() != null,
                    state == PublicAward.Status.REVOKED && award.revocationReason() != null,
                    award.evidenceUrl() != null, scheme(award.evidenceUrl()), award.evidenceNarrative() != null);
        }
    }

    /** Markers are unguessable, so that no text an issuer writes (a badge's name) can contain one. */
    private static final String NONCE = HexFormat.of().formatHex(SecureRandom.getSeed(8));
    private static final UUID STAND_IN_ID = UUID.randomUUID();
    /** An evidence address the card does not link to, as it does not link to the award's own. */
    private static final String NOT_A_LINK = "-";
    private static final Instant ISSUED = Instant.ofEpochSecond(1);
    private static final Instant EXPIRES = Instant.ofEpochSecond(2);
    private static final Instant REVOKED = Instant.ofEpochSecond(3);

    /** The stand-in instants, and their markers for the template's {@code #display} ({@code DisplayDialect}). */
    static final Map<Instant, String> DATE_MARKERS = Map.of(ISSUED, marker("issued"), EXPIRES, marker("expires"),
            REVOKED, marker("revoked"));

    private static final Map<String, Slot> SLOTS = slots();
    private static final Pattern ANY_SLOT = Pattern.compile(
            SLOTS.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|")));

    private final List<String> texts;
    private final List<Slot> slots;

    private BadgePagePattern(List<String> texts, List<Slot> slots) {
        this.texts = List.copyOf(texts);
        this.slots = List.copyOf(slots);
    }

    /**
     * The stand-in for {@code award} in {@code shape}: the badge class's and issuer's values as they are, the
     * award's own as markers.
     */
    static PublicAward standIn(PublicAward award, Shape shape) {
        return new PublicAward(new AwardId(STAND_IN_ID), award.badgeClassId(), award.badgeName(),
                award.badgeDescription(), award.criteriaHtml(), shape.level() ? marker("level") : null,
                shape.evidenceScheme() != null ? shape.evidenceScheme() + marker("evidence-url")
                        : shape.evidenceUrl() ? NOT_A_LINK : null,
                shape.narrative() ? marker("narrative") : null, award.organisationId(), award.issuerName(),
                award.issuerWebsite(), ISSUED, shape.expires() ? EXPIRES : null,
                shape.state() == PublicAward.Status.REVOKED ? REVOKED : null,
                shape.reason() ? marker("reason") : null, award.imageMediaType(), award.endorsements(), award.tags(),
                award.alignments());
    }

    /** The pattern of a page the template rendered for a {@link #standIn}. */
    static BadgePagePattern of(String rendered) {
        List<String> texts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        Matcher m = ANY_SLOT.matcher(rendered);
        int from = 0;
        while (m.find()) {
            texts.add(rendered.substring(from, m.start()));
            slots.add(SLOTS.get(m.group()));
            from = m.end();
        }
        texts.add(rendered.substring(from));
        return new BadgePagePattern(texts, slots);
    }

    /** The page of {@code award}, which has this pattern's shape, in {@code locale}. */
    String fill(PublicAward award, DisplayDates dates, Locale locale) {
        StringBuilder page = new StringBuilder(texts.stream().mapToInt(String::length).sum() + 512);
        for (int i = 0; i < slots.size(); i++) {
            page.append(texts.get(i)).append(HtmlEscape.escapeHtml4Xml(value(slots.get(i), award, dates, locale)));
        }
        return page.append(texts.get(slots.size())).toString();
    }

    private static String value(Slot slot, PublicAward award, DisplayDates dates, Locale locale) {
        return switch (slot) {
            case ID -> award.id().value().toString();
            case LEVEL -> String.valueOf(award.level());
            case REASON -> String.valueOf(award.revocationReason());
            case EVIDENCE_URL -> evidenceAfterScheme(award.evidenceUrl());
            case EVIDENCE_NARRATIVE -> String.valueOf(award.evidenceNarrative());
            case ISSUED_DATE -> dates.date(award.issuedOn(), locale);
            case ISSUED_TIME -> dates.dateTime(award.issuedOn(), locale);
            case ISSUED_ISO -> dates.iso(award.issuedOn());
            case EXPIRES_DATE -> dates.date(award.expiresAt(), locale);
            case EXPIRES_TIME -> dates.dateTime(award.expiresAt(), locale);
            case EXPIRES_ISO -> dates.iso(award.expiresAt());
            case REVOKED_DATE -> dates.date(award.revokedAt(), locale);
            case REVOKED_TIME -> dates.dateTime(award.revokedAt(), locale);
            case REVOKED_ISO -> dates.iso(award.revokedAt());
        };
    }

    /**
     * The scheme of a link the badge card shows ({@code BadgeCard} links http(s) addresses only, stripped), as
     * written; null when the card shows no link.
     */
    private static @Nullable String scheme(@Nullable String url) {
        if (url == null) {
            return null;
        }
        String stripped = url.strip();
        String lower = stripped.toLowerCase(Locale.ROOT);
        int length = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : 0;
        return length == 0 ? null : stripped.substring(0, length);
    }

    private static String evidenceAfterScheme(@Nullable String url) {
        String scheme = scheme(url);
        return url == null || scheme == null ? "" : url.strip().substring(scheme.length());
    }

    private static String marker(String name) {
        return "m" + NONCE + name.replace("-", "") + "m";
    }

    private static Map<String, Slot> slots() {
        Map<Slot, String> markers = new EnumMap<>(Slot.class);
        markers.put(Slot.ID, STAND_IN_ID.toString());
        markers.put(Slot.LEVEL, marker("level"));
        markers.put(Slot.REASON, marker("reason"));
        markers.put(Slot.EVIDENCE_URL, marker("evidence-url"));
        markers.put(Slot.EVIDENCE_NARRATIVE, marker("narrative"));
        for (Map.Entry<Instant, String> date : DATE_MARKERS.entrySet()) {
            String prefix = date.getKey().equals(ISSUED) ? "ISSUED" : date.getKey().equals(EXPIRES) ? "EXPIRES"
                    : "REVOKED";
            markers.put(Slot.valueOf(prefix + "_DATE"), date.getValue() + "D");
            markers.put(Slot.valueOf(prefix + "_TIME"), date.getValue() + "T");
            markers.put(Slot.valueOf(prefix + "_ISO"), date.getValue() + "I");
        }
        return markers.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getValue,
                Map.Entry::getKey));
    }
}
