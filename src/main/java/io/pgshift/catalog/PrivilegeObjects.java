package io.pgshift.catalog;

import java.util.Set;

/**
 * Kinds of objects that consist of GRANT and REVOKE statements only. The DDL writer leaves them out
 * under --no-acl, as it leaves out the privileges of every other object.
 */
public final class PrivilegeObjects {
    /** ALTER DEFAULT PRIVILEGES ...: privileges for objects created later. */
    public static final String DEFAULT = "DEFAULT PRIVILEGES";
    /** Column privileges of a relation that is not a plain table (a foreign table). */
    public static final String COLUMN = "COLUMN PRIVILEGES";

    /** Privileges changed on an object of an extension since CREATE EXTENSION made it. */
    public static final String EXTENSION_MEMBER = "EXTENSION MEMBER PRIVILEGES";

    /**
     * Privileges changed on a built-in object since initdb made it. Only a superuser may change them on the
     * target: a copy or restore as another user leaves them out, with a warning that names them.
     */
    public static final String BUILT_IN = "BUILT-IN OBJECT PRIVILEGES";

    private static final Set<String> KINDS = Set.of(DEFAULT, COLUMN, EXTENSION_MEMBER, BUILT_IN);

    private PrivilegeObjects() {
    }

    public static boolean isPrivilegesOnly(ObjectDef object) {
        return KINDS.contains(object.kind());
    }
}
