package org.insigne.backpack.sharing;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeId;
import org.insigne.backpack.badge.BadgeNotFound;
import org.insigne.backpack.badge.RecipientStatus;
import org.insigne.backpack.badge.StoredBadgeView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Earners' anonymous CVs: creating one from their own badges, listing, revoking, and the public view. */
@Service
@Transactional(readOnly = true)
public class AnonymousCvService {

    private static final Logger log = LoggerFactory.getLogger(AnonymousCvService.class);

    private final AnonymousCvRepository cvs;
    private final BackpackService badges;
    private final Clock clock;

    AnonymousCvService(AnonymousCvRepository cvs, BackpackService badges, Clock clock) {
        this.cvs = cvs;
        this.badges = badges;
        this.clock = clock;
    }

    public List<CvView> cvsOf(UUID ownerId) {
        return cvs.findByOwnerIdOrderByCreatedAt(ownerId).stream().map(this::view).toList();
    }

    @Transactional
    public CvView create(UUID ownerId, String label, List<BadgeId> badgeIds) {
        if (badgeIds.isEmpty() || !badges.ownsAll(ownerId, badgeIds)) {
            throw new BadgeNotFound();
        }
        AnonymousCv saved = cvs.save(new AnonymousCv(ownerId, label,
                badgeIds.stream().map(BadgeId::value).toList(), clock.instant()));
        log.info("Anonymous CV {} created by user {}", saved.id(), ownerId);
        return view(saved);
    }

    @Transactional
    public CvView revoke(UUID ownerId, CvId id) {
        AnonymousCv cv = cvs.findByIdAndOwnerId(id.value(), ownerId).orElseThrow(CvNotFound::new);
        cv.revoke(clock.instant());
        log.info("Anonymous CV {} revoked by its owner", id.value());
        return view(cv);
    }

    /** Erases every CV of the owner's, when they delete their account. */
    @Transactional
    public void deleteAllOf(UUID ownerId) {
        cvs.deleteAll(cvs.findByOwnerIdOrderByCreatedAt(ownerId));
    }

    /** The CV as anyone sees it; {@link CvRevoked} once its owner withdrew it. */
    public PublicCvView publicCv(String publicId) {
        AnonymousCv cv = cvs.findByPublicId(publicId).orElseThrow(CvNotFound::new);
        if (cv.isRevoked()) {
            throw new CvRevoked();
        }
        List<PublicCvView.Entry> entries = badgesOf(cv).stream()
                // not shown as anyone's until its recipient is confirmed
                .filter(b -> b.recipientStatus() != RecipientStatus.NOT_CONFIRMED)
                .map(b -> new PublicCvView.Entry(b.name(), b.issuerName(), b.issuedOn(), b.expires(), b.status(),
                        b.lastCheckedAt(), b.shared() ? b.publicId() : null,
                        b.recipientStatus() == RecipientStatus.MATCHED))
                .toList();
        return new PublicCvView(cv.createdAt(), entries);
    }

    private CvView view(AnonymousCv cv) {
        return new CvView(new CvId(cv.id()), cv.publicId(), cv.label(), cv.isRevoked(), cv.createdAt(), badgesOf(cv));
    }

    private List<StoredBadgeView> badgesOf(AnonymousCv cv) {
        return badges.badgesOf(cv.ownerId(), cv.badgeIds().stream().map(BadgeId::new).toList());
    }
}
