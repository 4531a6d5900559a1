package org.insigne.issuer.award;

import java.time.Instant;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.jspecify.annotations.Nullable;

/** Which of an organisation's awards to list: each criterion applies when given. {@code since} is inclusive. */
public record AwardFilter(@Nullable BadgeClassId badgeClass, @Nullable AwardState state, @Nullable Instant since) {

    public static final AwardFilter ALL = new AwardFilter(null, null, null);
}
