package io.pgshift.roles;

/**
 * What the target lets the migration do. A managed profile reserves SUPERUSER, REPLICATION and BYPASSRLS; a
 * connecting user that is not a superuser can give only what it has itself, and (16+) may alter and grant
 * only the roles it holds ADMIN OPTION on. For a script there is no connecting user to ask: only the profile
 * counts.
 */
final class Permissions {
    private final TargetProfile profile;
    private final TargetState live;

    Permissions(TargetProfile profile, TargetState live) {
        this.profile = profile;
        this.live = live;
    }

    /** Why the attribute cannot be set on the target (in either direction), or null when it can. */
    String whyNot(Attribute attribute) {
        if (profile.reserves(attribute)) {
            return "the " + profile.label() + " profile reserves it";
        }
        if (live == null || live.superuser()) {
            return null;
        }
        boolean from16 = live.version().atLeast(16);
        boolean has = live.userAttributes().contains(attribute);
        boolean allowed = switch (attribute) {
            case SUPERUSER -> false;
            // Up to 15 only superusers touch these; from 16 on, a role that has them may pass them on.
            case REPLICATION, BYPASSRLS -> from16 && has;
            case CREATEDB -> !from16 || has;
            case CREATEROLE -> has;
            case INHERIT, LOGIN -> true;
        };
        return allowed ? null : "the target user " + live.currentUser() + " cannot grant it";
    }

    /** Why this run cannot create roles at all, or null. */
    String whyNotCreateRoles() {
        if (live == null || live.superuser() || live.userAttributes().contains(Attribute.CREATEROLE)) {
            return null;
        }
        return "the target user " + live.currentUser() + " is neither a superuser nor has CREATEROLE";
    }

    /** Why an existing role of the target cannot be altered by the connecting user, or null. */
    String whyNotAlter(TargetState.TargetRole role) {
        if (live == null || live.superuser()) {
            return null;
        }
        if (role.has(Attribute.SUPERUSER)) {
            return "it is a superuser there and the target user " + live.currentUser() + " is not";
        }
        if (live.version().atLeast(16) && !role.adminable()) {
            return "the target user " + live.currentUser() + " has no ADMIN OPTION on it";
        }
        return null;
    }

    /**
     * Why the connecting user cannot grant membership in the role, or null. Up to 15, CREATEROLE may grant any
     * role but a superuser; from 16 on it takes ADMIN OPTION, which the creator of a role gets with it.
     */
    String whyNotGrant(String role, boolean createdNow) {
        if (live == null || live.superuser() || createdNow) {
            return null;
        }
        TargetState.TargetRole existing = live.roles().get(role);
        if (existing == null || existing.adminable()) {
            return null;
        }
        if (!live.version().atLeast(16) && !existing.has(Attribute.SUPERUSER)) {
            return null;
        }
        return "the target user " + live.currentUser() + " has no ADMIN OPTION on " + role;
    }

    /** Why GRANTED BY cannot name the grantor: only a superuser may record another role as grantor. */
    String whyNotGrantedBy(String grantor) {
        if (live == null || live.superuser() || grantor.equals(live.currentUser())) {
            return null;
        }
        return "only a superuser may grant in another role's name";
    }

    /** Why ALTER ROLE ... SET cannot name the parameter on the target, or null (always null for a script). */
    String whyNotSet(String parameter) {
        if (live == null) {
            return null;
        }
        String name = parameter.toLowerCase(java.util.Locale.ROOT);
        TargetState.TargetSetting setting = live.settings().get(name);
        if (setting == null) {
            // Names with a dot are extension (placeholder) parameters, which the server accepts unseen.
            return name.contains(".") ? null : "PostgreSQL " + live.version() + " has no parameter " + parameter;
        }
        if (!setting.settable()) {
            return live.superuser() || !setting.context().startsWith("superuser")
                    ? parameter + " cannot be set per role (context " + setting.context() + ")"
                    : "the target user " + live.currentUser() + " may not set " + parameter;
        }
        return null;
    }
}
