package org.insigne.backpack.sharing;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.collection.BadgeCollectionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public profile pages: off by default; the earner turns one on with the name it should show (their choice,
 * never their e-mail address), and it lists only what they made public. Turning it off deletes it, so that
 * the address stops working at once; turning it on again gives a new address.
 */
@Service
@Transactional(readOnly = true)
public class PublicProfileService {

    static final int MAX_NAME = 100;

    private static final Logger log = LoggerFactory.getLogger(PublicProfileService.class);

    private final PublicProfileRepository profiles;
    private final BackpackService badges;
    private final BadgeCollectionService collections;
    private final Clock clock;

    PublicProfileService(PublicProfileRepository profiles, BackpackService badges,
                         BadgeCollectionService collections, Clock clock) {
        this.profiles = profiles;
        this.badges = badges;
        this.collections = collections;
        this.clock = clock;
    }

    public Optional<ProfileView> profileOf(UUID ownerId) {
        return profiles.findById(ownerId).map(PublicProfile::view);
    }

    /** Turns the profile on with {@code displayName}, or renames it while keeping its address. */
    @Transactional
    public ProfileView publish(UUID ownerId, String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        // An address would defeat the point of choosing a name; a reader must not learn how to reach them.
        if (name.isEmpty() || name.length() > MAX_NAME || name.contains("@")) {
            throw new InvalidProfileName();
        }
        PublicProfile profile = profiles.findById(ownerId).orElse(null);
        if (profile == null) {
            profile = profiles.save(new PublicProfile(ownerId, name, clock.instant()));
            log.info("Public profile of user {} turned on", ownerId);
        } else {
            profile.rename(name);
        }
        return profile.view();
    }

    /** Turns the profile off: its address answers "not found" from now on. */
    @Transactional
    public void withdraw(UUID ownerId) {
        profiles.findById(ownerId).ifPresent(profile -> {
            profiles.delete(profile);
            log.info("Public profile of user {} withdrawn", ownerId);
        });
    }

    /** The profile as anyone sees it. */
    public PublicProfileView publicProfile(String publicId) {
        PublicProfile profile = profiles.findByPublicId(publicId).orElseThrow(ProfileNotFound::new);
        ProfileView view = profile.view();
        return new PublicProfileView(view.publicId(), view.displayName(), badges.publicBadgesOf(profile.ownerId()),
                collections.publicCollectionsOf(profile.ownerId()));
    }

    /** Erases the profile, when its owner deletes their account. */
    @Transactional
    public void deleteAllOf(UUID ownerId) {
        withdraw(ownerId);
    }
}
