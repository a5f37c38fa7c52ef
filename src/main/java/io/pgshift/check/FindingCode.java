package io.pgshift.check;

import java.util.List;

import io.pgshift.catalog.Incompatibility;

/**
 * Every code the pre-flight check reports. The names are a public contract (scripts filter on them), so a code
 * is never renamed or reused; the severity is decided where the finding is made.
 */
public enum FindingCode {
    // Connectivity and versions
    SSL, VERSIONS, SOURCE_VERSION_UNSUPPORTED, TARGET_OLDER, TARGET_SAME_MAJOR, SAME_SERVER, TARGET_IN_RECOVERY,
    // Privileges
    TARGET_NO_CREATEDB, TARGET_NO_CREATEROLE, TARGET_PROVIDER_ADMIN, SOURCE_PASSWORDS_HIDDEN,
    SOURCE_UNREADABLE_TABLES,
    // Databases
    DATABASE_NOT_CONNECTABLE,
    // Extensions
    EXTENSION_MISSING, EXTENSION_OLDER,
    // Objects the target's version cannot take (from io.pgshift.catalog.Incompatibility kinds)
    TABLE_WITH_OIDS, REMOVED_TYPE_COLUMN, UNKNOWN_COLUMN, POSTFIX_OPERATOR, ROUTINE_SETS_REMOVED_PARAMETER,
    INCOMPATIBLE_OBJECT, REG_TYPE_COLUMN, SQL_IDENTIFIER_COLUMN, DEPENDENCY_LOOP,
    // Locale and encoding
    ENCODING_DIFFERS, LOCALE_DIFFERS, LOCALE_PROVIDER_DIFFERS, LOCALE_UNAVAILABLE, ICU_UNAVAILABLE,
    COLLATION_VERSION_MISMATCH, COLLATION_VERSION_CHANGES,
    // Target state and roles
    TARGET_NOT_EMPTY, TARGET_DATABASE_EXISTS, ROLE_DIFFERS,
    // Inventory and sizing
    LARGE_OBJECTS, TABLES_WITHOUT_PRIMARY_KEY, SIZING,
    // Databases neither checked nor moved (the templates, the providers', those excluded)
    DATABASE_SKIPPED,
    // What a user that is not a superuser (a managed service's admin) cannot do
    TARGET_PROFILE, ROLE_NOT_SETTABLE, ROLE_MISSING, EXTENSION_NOT_ALLOWED, BASE_TYPE, TABLESPACE_MISSING,
    SOURCE_UNREADABLE_LARGE_OBJECTS, TARGET_DATABASE_NO_CREATE, SUPERUSER_OBJECTS;

    /** {@code PGS-TARGET-NOT-EMPTY}. */
    public String id() {
        return "PGS-" + name().replace('_', '-');
    }

    /** The code for an incompatibility found by the catalog readers, by its kind. */
    static FindingCode of(Incompatibility incompatibility) {
        for (FindingCode code : values()) {
            if (code.name().equals(incompatibility.kind().replace('-', '_'))) {
                return code;
            }
        }
        return INCOMPATIBLE_OBJECT;
    }

    Finding error(String database, List<String> objects, String message, String fix) {
        return new Finding(id(), Severity.ERROR, database, objects, message, fix);
    }

    Finding warning(String database, List<String> objects, String message, String fix) {
        return new Finding(id(), Severity.WARNING, database, objects, message, fix);
    }

    Finding info(String database, List<String> objects, String message) {
        return new Finding(id(), Severity.INFO, database, objects, message, null);
    }
}
