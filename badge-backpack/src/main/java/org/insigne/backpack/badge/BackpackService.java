package org.insigne.backpack.badge;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.insigne.core.baking.Baker;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.springframework.data.domain.PageRequest;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An earner's badges: listing, showing, sharing, re-checking and deleting them. Every method taking an owner
 * answers {@link BadgeNotFound} for a badge that is not theirs, exactly as for one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class BackpackService {

    private static final Logger log = LoggerFactory.getLogger(BackpackService.class);

    /** Characters of a public id its short link keeps (the migration's index uses the same number). */
    public static final int SHORT_LINK_LENGTH = 16;

    private final BackpackBadgeRepository badges;
    private final Clock clock;

    BackpackService(BackpackBadgeRepository badges, Clock clock) {
        this.badges = badges;
        this.clock = clock;
    }

    /** Keeps a badge the import checked; the caller has made sure it is not already there. */
    @Transactional
    public StoredBadgeView add(NewBadge badge) {
        BackpackBadge saved = badges.save(new BackpackBadge(badge, clock.instant()));
        log.info("Badge {} imported by user {} ({}, {})", saved.id().value(), badge.ownerId(),
                badge.badge().spec(), badge.verdict());
        return saved.view();
    }

    /** Puts what {@code badge} brings in place of the owner's badge {@code id}, which holds the same badge. */
    @Transactional
    public StoredBadgeView replace(BadgeId id, NewBadge badge) {
        BackpackBadge kept = owned(badge.ownerId(), id);
        kept.replace(badge, clock.instant());
        log.info("Badge {} replaced by user {} ({}, {})", id.value(), badge.ownerId(), badge.badge().spec(),
                badge.verdict());
        return kept.view();
    }

    public boolean contains(UUID ownerId, String fingerprint) {
        return badges.existsByOwnerIdAndFingerprint(ownerId, fingerprint);
    }

    public long countOf(UUID ownerId) {
        return badges.countByOwnerId(ownerId);
    }

    /** The owner's badges, latest import first. */
    public List<StoredBadgeView> badgesOf(UUID ownerId) {
        return badges.findByOwnerIdOrderByImportedAtDesc(ownerId).stream().map(BackpackBadge::view).toList();
    }

    public StoredBadgeView badge(UUID ownerId, BadgeId id) {
        return owned(ownerId, id).view();
    }

    /** The uploaded image of the owner's badge; not found when the badge came as JSON, text or a URL. */
    public BadgeImage image(UUID ownerId, BadgeId id) {
        BadgeImage image = owned(ownerId, id).image();
        if (image == null) {
            throw new BadgeNotFound();
        }
        return image;
    }

    @Transactional
    public StoredBadgeView makePublic(UUID ownerId, BadgeId id) {
        BackpackBadge badge = owned(ownerId, id);
        badge.share();
        log.info("Badge {} made public by its owner", id.value());
        return badge.view();
    }

    @Transactional
    public StoredBadgeView makePrivate(UUID ownerId, BadgeId id) {
        BackpackBadge badge = owned(ownerId, id);
        badge.unshare();
        log.info("Badge {} made private by its owner", id.value());
        return badge.view();
    }

    @Transactional
    public void delete(UUID ownerId, BadgeId id) {
        badges.delete(owned(ownerId, id));
        log.info("Badge {} deleted by its owner", id.value());
    }

    /**
     * The request that verifies the owner's badge again, from its original bytes. The verification itself runs
     * outside any transaction (it may wait on remote servers); {@link #recordCheck} saves its outcome.
     */
    public VerificationRequest recheckRequest(UUID ownerId, BadgeId id, @Nullable String recipient) {
        return owned(ownerId, id).recheckRequest(recipient);
    }

    @Transactional
    public StoredBadgeView recordCheck(UUID ownerId, BadgeId id, VerificationReport report) {
        BackpackBadge badge = owned(ownerId, id);
        badge.recordCheck(report, clock.instant());
        log.info("Badge {} checked again: {}", id.value(), report.verdict());
        return badge.view();
    }

    /** The level, tags and alignments of the owner's badge, as kept at its last import or re-check. */
    public BadgeSkills skills(UUID ownerId, BadgeId id) {
        return owned(ownerId, id).skills();
    }

    /** A public badge as anyone sees it; not found once its owner made it private again. */
    public PublicBadgeView publicBadge(String publicId) {
        return badges.findByPublicIdAndSharedTrue(publicId).map(BackpackBadge::publicView)
                .orElseThrow(BadgeNotFound::new);
    }

    /**
     * A public badge as a machine reads it behind its share link (see {@link PublicBadgeDocument}); not found
     * once its owner made it private again, or when its image no longer holds a readable badge.
     */
    public PublicBadgeDocument publicDocument(String publicId, Baker baker) {
        return badges.findByPublicIdAndSharedTrue(publicId)
                .flatMap(b -> PublicBadgeDocument.of(new BadgeExport(b.view(), b.input().bytes()), baker))
                .orElseThrow(BadgeNotFound::new);
    }

    /**
     * The public id a public badge's short link names: its first {@link #SHORT_LINK_LENGTH} characters, 96 random
     * bits, so a short link is as hard to guess as the page and tells nothing the page does not. Not found when
     * no public badge has it (or, against all odds, two do).
     */
    public String publicIdOfShortLink(String shortLink) {
        if (shortLink.length() != SHORT_LINK_LENGTH) {
            throw new BadgeNotFound();
        }
        List<String> found = badges.findSharedPublicIdsByShortLink(shortLink);
        if (found.size() != 1) {
            throw new BadgeNotFound();
        }
        return found.get(0);
    }

    /** The short link of a public id (see {@link #publicIdOfShortLink}). */
    public static String shortLinkOf(String publicId) {
        return publicId.substring(0, SHORT_LINK_LENGTH);
    }

    public BadgeImage publicImage(String publicId) {
        BadgeImage image = badges.findByPublicIdAndSharedTrue(publicId).map(BackpackBadge::image).orElse(null);
        if (image == null) {
            throw new BadgeNotFound();
        }
        return image;
    }

    /**
     * The owner's badges among {@code ids}, in the order given; ids of badges that are not theirs (or no longer
     * exist) are left out, so a collection never shows someone else's badge.
     */
    public List<StoredBadgeView> badgesOf(UUID ownerId, List<BadgeId> ids) {
        Map<UUID, BackpackBadge> found = ownedAmong(ownerId, ids);
        return ids.stream().map(id -> found.get(id.value())).filter(Objects::nonNull).map(BackpackBadge::view)
                .toList();
    }

    /** Whether every one of {@code ids} is a badge of the owner's. */
    public boolean ownsAll(UUID ownerId, Collection<BadgeId> ids) {
        return ownedAmong(ownerId, ids).size() == ids.stream().distinct().count();
    }

    /** Every badge of the owner's with its original bytes, for the export of their data. */
    public List<BadgeExport> exportOf(UUID ownerId) {
        return badges.findByOwnerIdOrderByImportedAtDesc(ownerId).stream()
                .map(b -> new BadgeExport(b.view(), b.input().bytes())).toList();
    }

    /** The owner's badge kept under {@code fingerprint}, if any: what makes claiming a badge twice harmless. */
    public Optional<StoredBadgeView> byFingerprint(UUID ownerId, String fingerprint) {
        return badges.findByOwnerIdAndFingerprint(ownerId, fingerprint).map(BackpackBadge::view);
    }

    /** One badge of the owner's with its original bytes, for the downloads of its page. */
    public BadgeExport export(UUID ownerId, BadgeId id) {
        BackpackBadge badge = owned(ownerId, id);
        return new BadgeExport(badge.view(), badge.input().bytes());
    }

    /** The owner's public badges, latest import first, for their public profile. */
    public List<PublicBadgeView> publicBadgesOf(UUID ownerId) {
        return badges.findByOwnerIdAndSharedTrueOrderByImportedAtDesc(ownerId).stream()
                .map(BackpackBadge::publicView).toList();
    }

    /**
     * At most {@code limit} badges, of any owner, last checked before {@code checkedBefore}, the longest
     * unchecked first: the next batch of the scheduled re-check.
     */
    public List<DueBadge> dueForRecheck(Instant checkedBefore, int limit) {
        return badges.findByLastCheckedAtBeforeOrderByLastCheckedAtAsc(checkedBefore, PageRequest.of(0, limit))
                .stream().map(b -> new DueBadge(b.ownerId(), b.id())).toList();
    }

    /** Erases every badge of the owner's, when they delete their account. */
    @Transactional
    public int deleteAllOf(UUID ownerId) {
        List<BackpackBadge> all = badges.findByOwnerId(ownerId);
        badges.deleteAll(all);
        log.info("All {} badges of user {} deleted", all.size(), ownerId);
        return all.size();
    }

    private Map<UUID, BackpackBadge> ownedAmong(UUID ownerId, Collection<BadgeId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return badges.findByOwnerIdAndIdIn(ownerId, ids.stream().map(BadgeId::value).distinct().toList()).stream()
                .collect(Collectors.toMap(b -> b.id().value(), Function.identity()));
    }

    private BackpackBadge owned(UUID ownerId, BadgeId id) {
        return badges.findByIdAndOwnerId(id.value(), ownerId).orElseThrow(BadgeNotFound::new);
    }
}
