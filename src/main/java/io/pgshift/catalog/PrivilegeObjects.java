package io.pgshift.catalog;

import java.util.EnumSet;
import java.util.Set;

import io.pgshift.object.Kind;

/**
 * Kinds of objects that consist of GRANT and REVOKE statements only. The DDL writer leaves them out
 * under --no-acl, as it leaves out the privileges of every other object.
 */
public final class PrivilegeObjects {
    /**
     * ALTER DEFAULT PRIVILEGES; column privileges of a relation that is not a plain table (a foreign table);
     * privileges changed on an extension's member since CREATE EXTENSION made it; privileges changed on a built-in
     * object since initdb made it (only a superuser may change those on the target: a copy or restore as another user
     * leaves them out, with a warning that names them).
     */
    private static final Set<Kind> KINDS = EnumSet.of(Kind.DEFAULT_PRIVILEGES, Kind.COLUMN_PRIVILEGES,
            Kind.EXTENSION_MEMBER_PRIVILEGES, Kind.BUILT_IN_OBJECT_PRIVILEGES);

    private PrivilegeObjects() {
    }

    public static boolean isPrivilegesOnly(ObjectDef object) {
        return KINDS.contains(object.kind());
    }
}
