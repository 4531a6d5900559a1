package org.insigne.issuer.award;

/** How many badges of one class were awarded, claimed by their earners, and revoked. */
public record AwardCounts(long issued, long claimed, long revoked) {

    public static final AwardCounts NONE = new AwardCounts(0, 0, 0);

    public AwardCounts plus(AwardCounts other) {
        return new AwardCounts(issued + other.issued, claimed + other.claimed, revoked + other.revoked);
    }
}
