package org.insigne.backpack.territory;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeId;
import org.insigne.backpack.badge.BadgeNotFound;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.backpack.badge.VerificationStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learning-territory map: earners opt in (and out) with a pseudonym, a coarse place and some of their public,
 * verified badges; anyone searches it by skill. A badge shows only while it is still public and verified at the
 * time of the search, read from the backpack in the same query, so making it private hides it at once.
 */
@Service
@Transactional(readOnly = true)
public class TerritoryService {

    private static final Logger log = LoggerFactory.getLogger(TerritoryService.class);

    public static final int MAX_PSEUDONYM = 60;
    public static final int MAX_BADGES = 50;
    /** Rows read per search: enough for a territory, small enough for one page. */
    static final int MAX_ROWS = 1000;

    // One query: the entries, their chosen badges that still are public and verified (and not expired), filtered
    // by skill (badge name, tags, alignments), level and area. strpos rather than LIKE, so that % and _ typed by a
    // recruiter are plain characters.
    private static final String SEARCH = """
            select e.public_id, e.pseudonym, e.place_name, e.latitude, e.longitude,
                   b.public_id as badge_public_id, b.badge_name, b.issuer_name, t.level, t.tags, t.alignments
            from territory_entry e
            join territory_badge t on t.entry_id = e.id
            join backpack_badge b on b.id = t.badge_id and b.owner_id = e.owner_id
            where b.shared and b.status = :verified and (b.expires is null or b.expires > :now)
              and (:skill = '' or strpos(lower(b.badge_name), :skill) > 0 or strpos(t.search_text, :skill) > 0)
              and (:level = '' or lower(t.level) = :level)
              and (:area = '' or strpos(lower(coalesce(e.place_name, '')), :area) > 0)
            order by lower(e.pseudonym), e.public_id, t.position
            limit :limit
            """;

    private static final String LEVELS = """
            select distinct t.level
            from territory_entry e
            join territory_badge t on t.entry_id = e.id
            join backpack_badge b on b.id = t.badge_id and b.owner_id = e.owner_id
            where t.level is not null and b.shared and b.status = :verified
            order by t.level
            limit 100
            """;

    private final TerritoryEntryRepository entries;
    private final BackpackService badges;
    private final JdbcClient jdbc;
    private final Clock clock;

    TerritoryService(TerritoryEntryRepository entries, BackpackService badges, DataSource dataSource, Clock clock) {
        this.entries = entries;
        this.badges = badges;
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** The earner's entry, if they are on the map. */
    public Optional<MyTerritoryEntry> entryOf(UUID ownerId) {
        return entries.findByOwnerId(ownerId).map(TerritoryService::view);
    }

    /**
     * Puts the earner on the map, or changes what it shows. Refuses without consent ({@link ConsentNotGiven}),
     * with a blank, long or e-mail-like pseudonym ({@link PseudonymRejected}), and with any badge that is not
     * theirs, public and verified ({@link BadgeNotShowable}); nothing is saved then.
     */
    @Transactional
    public MyTerritoryEntry show(UUID ownerId, TerritoryChoice choice) {
        if (!choice.consent()) {
            throw new ConsentNotGiven();
        }
        String pseudonym = pseudonym(choice.pseudonym());
        if (choice.badges().isEmpty() || choice.badges().size() > MAX_BADGES) {
            throw new BadgeNotShowable();
        }
        Instant now = clock.instant();
        List<ShownBadge> shown = new ArrayList<>();
        for (BadgeId id : choice.badges().stream().distinct().toList()) {
            shown.add(new ShownBadge(id.value(), badges.skills(ownerId, showable(ownerId, id, now))));
        }
        TerritoryEntry entry = entries.findByOwnerId(ownerId).orElseGet(() -> new TerritoryEntry(ownerId, now));
        entry.show(pseudonym, choice.place(), shown, now);
        TerritoryEntry saved = entries.save(entry);
        log.info("User {} is on the territory map with {} badges", ownerId, shown.size());
        return view(saved);
    }

    /** Takes the earner off the map at once: the entry and its badge choices are deleted, not hidden. */
    @Transactional
    public boolean withdraw(UUID ownerId) {
        Optional<TerritoryEntry> entry = entries.findByOwnerId(ownerId);
        entry.ifPresent(entries::delete);
        entry.ifPresent(e -> log.info("User {} withdrew from the territory map", ownerId));
        return entry.isPresent();
    }

    /** Erases the earner's entry, when they delete their account. */
    @Transactional
    public void deleteAllOf(UUID ownerId) {
        withdraw(ownerId);
    }

    /** Earners whose visible badges match the filter, each with those badges, by pseudonym. */
    public List<TerritoryResult> search(TerritoryQuery query) {
        Map<String, Builder> found = new LinkedHashMap<>();
        jdbc.sql(SEARCH)
                .param("verified", VerificationStatus.VERIFIED.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("skill", query.skill())
                .param("level", query.level())
                .param("area", query.area())
                .param("limit", MAX_ROWS)
                .query((ResultSet rs) -> {
                    found.computeIfAbsent(rs.getString("public_id"), id -> builder(rs)).badges.add(badge(rs));
                });
        return found.values().stream().map(Builder::build).toList();
    }

    /** The levels that visible badges name, for the filter's list. */
    public List<String> levels() {
        return jdbc.sql(LEVELS).param("verified", VerificationStatus.VERIFIED.name()).query(String.class).list();
    }

    /**
     * Whom a message to entry {@code publicId} goes to; {@link TerritoryEntryNotFound} once withdrawn, or while
     * none of its badges is visible (the entry is then on no public page, so no one may write through it).
     */
    public TerritoryContact contact(String publicId) {
        TerritoryEntry entry = entries.findByPublicId(publicId).orElseThrow(TerritoryEntryNotFound::new);
        Instant now = clock.instant();
        boolean visible = entry.badgeIds().stream().anyMatch(id -> isShowable(entry.ownerId(), new BadgeId(id), now));
        if (!visible) {
            throw new TerritoryEntryNotFound();
        }
        return new TerritoryContact(entry.ownerId(), entry.pseudonym());
    }

    private BadgeId showable(UUID ownerId, BadgeId id, Instant now) {
        if (!isShowable(ownerId, id, now)) {
            throw new BadgeNotShowable();
        }
        return id;
    }

    private boolean isShowable(UUID ownerId, BadgeId id, Instant now) {
        StoredBadgeView badge;
        try {
            badge = badges.badge(ownerId, id);
        } catch (BadgeNotFound notTheirs) {
            return false;
        }
        return badge.shared() && badge.status() == VerificationStatus.VERIFIED
                && (badge.expires() == null || badge.expires().isAfter(now));
    }

    static String pseudonym(String raw) {
        String pseudonym = raw.strip().replaceAll("\\s+", " ");
        // An address is exactly what the map must never show, even if the earner types theirs.
        if (pseudonym.isEmpty() || pseudonym.length() > MAX_PSEUDONYM || pseudonym.contains("@")) {
            throw new PseudonymRejected();
        }
        return pseudonym;
    }

    private static MyTerritoryEntry view(TerritoryEntry entry) {
        return new MyTerritoryEntry(entry.publicId(), entry.pseudonym(), entry.place(), entry.consentedAt(),
                entry.badgeIds().stream().map(BadgeId::new).toList());
    }

    private static Builder builder(ResultSet rs) {
        try {
            return new Builder(rs.getString("public_id"), rs.getString("pseudonym"), rs.getString("place_name"),
                    rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TerritoryResult.Badge badge(ResultSet rs) throws SQLException {
        return new TerritoryResult.Badge(rs.getString("badge_public_id"), rs.getString("badge_name"),
                rs.getString("issuer_name"), rs.getString("level"), ShownBadge.lines(rs.getString("tags")),
                ShownBadge.lines(rs.getString("alignments")));
    }

    private record Builder(String publicId, String pseudonym, @Nullable String placeName,
                           @Nullable BigDecimal latitude, @Nullable BigDecimal longitude,
                           List<TerritoryResult.Badge> badges) {
        Builder(String publicId, String pseudonym, @Nullable String placeName, @Nullable BigDecimal latitude,
                @Nullable BigDecimal longitude) {
            this(publicId, pseudonym, placeName, latitude, longitude, new ArrayList<>());
        }

        TerritoryResult build() {
            return new TerritoryResult(publicId, pseudonym, placeName, latitude, longitude, badges);
        }
    }
}
