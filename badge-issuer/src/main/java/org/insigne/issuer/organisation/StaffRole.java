package org.insigne.issuer.organisation;

/**
 * What a member of an organisation's staff may do, from most to least powerful. A reviewer decides on
 * applications (and awards through them) but neither awards directly nor manages anything.
 */
public enum StaffRole {
    OWNER, ADMIN, AWARDER, REVIEWER, VIEWER;

    /** True when this role grants at least what {@code other} grants. */
    public boolean includes(StaffRole other) {
        return ordinal() <= other.ordinal();
    }
}
