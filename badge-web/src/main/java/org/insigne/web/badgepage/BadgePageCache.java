package org.insigne.web.badgepage;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardRevoked;
import org.insigne.issuer.award.PublicAward;
import org.insigne.issuer.badgeclass.BadgeClassChanged;
import org.insigne.issuer.endorsement.EndorsementsChanged;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfileChanged;
import org.insigne.web.system.ClusterNotifications;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The public badge page's content as rendered for anonymous readers, per award, address, language and public
 * base address (the machine forms' links are absolute; without {@code insigne.base-url} they follow the
 * request's host, which a reader chooses), and the patterns it is made from ({@link BadgePagePattern}). A hit
 * answers without the database; see docs/decisions/0004-public-page-renderer-and-cache.md for what is kept
 * and why.
 *
 * <p>An entry goes when what it shows changes here (revocation, badge class, organisation profile, and the
 * issuer's endorsements, {@link EndorsementsChanged}), never outlives the award's expiry, and lives
 * {@link #TIME_TO_LIVE} at most. Every change is also told to the other nodes sharing the database
 * ({@link ClusterNotifications}), which forget the same entries within a second; the time to live bounds what
 * a lost notification can cost. See docs/decisions/0013-cache-invalidation-across-nodes.md.
 */
@Component
public class BadgePageCache {

    /** How long a page is kept at most: the staleness another node may show after a change made here. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(2);

    /** Pages kept at most: some 5 to 10 kB each. */
    static final long MAXIMUM_SIZE = 5_000;

    /**
     * One rendering of a page: which award, at which of its two addresses (the recipient form posts back to
     * it), in which language, under which public base address.
     */
    record Key(UUID award, String path, String language, String base) {

        static Key of(AwardId award, String path, Locale locale, String base) {
            return new Key(award.value(), path, locale.getLanguage(), base);
        }
    }

    /** A kept page's content, with what it shows (for eviction) and how long it may be kept. */
    record Page(String content, UUID badgeClass, UUID organisation, Duration lifetime) {
    }

    /** Patterns kept at most: one per badge class, language, address and shape of award in use. */
    static final long MAXIMUM_PATTERNS = 1_000;

    private final Cache<Key, Page> pages = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_SIZE)
            .expireAfter(Expiry.creating((Key key, Page page) -> page.lifetime()))
            .build();

    private final Cache<BadgePagePattern.Shape, BadgePagePattern> patterns = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_PATTERNS)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();

    /**
     * Awards whose page was rendered once within {@link #TIME_TO_LIVE}: a page is kept from its second
     * rendering on. Most badge pages are read now and then; keeping each for two minutes filled the cache with
     * pages read once, which the collector then copied from young space at every pause (the anonymous page's
     * tail latency under load). A page that is being shared is read again soon and kept from then on.
     */
    private final Cache<UUID, Boolean> renderedOnce = Caffeine.newBuilder()
            .maximumSize(MAXIMUM_SIZE * 10)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();

    /** The topic of this cache's changes between nodes; payloads are {@code award|badge-class|organisation <id>}. */
    static final String TOPIC = "badge-page";

    private final Consumer<String> otherNodes;

    /** A cache of one node alone. */
    BadgePageCache() {
        this.otherNodes = change -> { };
    }

    @Autowired
    BadgePageCache(ClusterNotifications cluster) {
        this.otherNodes = change -> cluster.publish(TOPIC, change);
        cluster.subscribe(TOPIC, this::apply, this::clear);
    }

    @Nullable Page get(Key key) {
        return pages.getIfPresent(key);
    }

    /** The pattern of {@code shape}, rendered by {@code render} when none is kept. */
    BadgePagePattern pattern(BadgePagePattern.Shape shape,
                             Function<BadgePagePattern.Shape, BadgePagePattern> render) {
        return patterns.get(shape, render);
    }

    /**
     * Keeps {@code content}, rendered at {@code now} for {@code award}, until the award's state may change, if
     * the award's page was rendered before within {@link #TIME_TO_LIVE}; says whether it was kept.
     */
    boolean put(Key key, PublicAward award, String content, Instant now) {
        if (renderedOnce.asMap().putIfAbsent(key.award(), Boolean.TRUE) == null) {
            return false;
        }
        Duration lifetime = TIME_TO_LIVE;
        if (award.status(now) == PublicAward.Status.VALID && award.expiresAt() != null) {
            Duration untilExpiry = Duration.between(now, award.expiresAt());
            lifetime = untilExpiry.compareTo(lifetime) < 0 ? untilExpiry : lifetime;
        }
        pages.put(key, new Page(content, award.badgeClassId(), award.organisationId(), lifetime));
        return true;
    }

    /** The endorsements of an organisation or of its badge classes changed: its badges' pages show them. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(EndorsementsChanged changed) {
        changed("organisation " + changed.endorsed().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AwardRevoked revoked) {
        changed("award " + revoked.award().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(BadgeClassChanged changed) {
        changed("badge-class " + changed.badgeClass().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OrganisationProfileChanged changed) {
        changed("organisation " + changed.organisation().value());
    }

    /** Forgets here at once, so that this node never shows the old state, then tells the others. */
    private void changed(String change) {
        apply(change);
        otherNodes.accept(change);
    }

    /** A change made here or on another node; anything unreadable clears everything, which is always safe. */
    private void apply(String change) {
        int space = change.indexOf(' ');
        UUID id;
        try {
            id = UUID.fromString(change.substring(space + 1));
        } catch (IllegalArgumentException e) {
            clear();
            return;
        }
        switch (change.substring(0, Math.max(space, 0))) {
            case "award" -> {
                renderedOnce.invalidate(id);
                pages.asMap().keySet().removeIf(key -> key.award().equals(id));
            }
            case "badge-class" -> forget(page -> page.badgeClass().equals(id), shape -> shape.badgeClass().equals(id));
            case "organisation" -> forgetOrganisation(id);
            default -> clear();
        }
    }

    /** Forgets every page and pattern, when changes from other nodes may have been missed. */
    void clear() {
        renderedOnce.invalidateAll();
        pages.invalidateAll();
        patterns.invalidateAll();
    }

    private void forgetOrganisation(UUID organisation) {
        forget(page -> page.organisation().equals(organisation), shape -> shape.organisation().equals(organisation));
    }

    /** Rare (an administrator's action), so a pass over at most {@link #MAXIMUM_SIZE} entries is fine. */
    private void forget(Predicate<Page> pageShows, Predicate<BadgePagePattern.Shape> patternShows) {
        patterns.asMap().keySet().removeIf(patternShows);
        pages.asMap().values().removeIf(pageShows);
    }
}
