package org.insigne.issuer.organisation;

/** What a member of an organisation's staff may do, from most to least powerful. */
public enum StaffRole {
    OWNER, ADMIN, AWARDER, VIEWER;

    /** True when this role grants at least what {@code other} grants. */
    public boolean includes(StaffRole other) {
        return ordinal() <= other.ordinal();
    }
}
