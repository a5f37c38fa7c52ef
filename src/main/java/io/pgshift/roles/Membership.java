package io.pgshift.roles;

/**
 * {@code member} belongs to {@code role}. {@code grantor} is null when the bootstrap superuser granted it, and
 * always before PostgreSQL 16, whose servers recorded grantors loosely (any role, even a dropped one), so a
 * replay could fail on them. {@code inherit} and {@code set} are the 16+ grant options, null before 16: there
 * the member's INHERIT attribute decides, which is what a 16+ target does when the option is not given.
 */
record Membership(String role, String member, String grantor, boolean admin, Boolean inherit, Boolean set) {
    Membership withNames(String role, String member, String grantor) {
        return new Membership(role, member, grantor, admin, inherit, set);
    }
}
