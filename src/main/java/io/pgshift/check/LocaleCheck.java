package io.pgshift.check;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encoding, locale and collation versions of a source database against the target. pgshift creates a missing
 * target database from template0 with the source's encoding and locale, so differences from the target's
 * defaults are only worth knowing; a target database that already exists keeps its own, which matters more.
 */
final class LocaleCheck {
    private LocaleCheck() {
    }

    static List<Finding> check(DatabasePair db, CollationVersions sourceVersions) throws SQLException {
        DatabaseLocale source = DatabaseLocale.read(db.sourceContext(), db.name());
        List<Finding> found = new ArrayList<>();
        if (db.target() != null) {
            found.addAll(compare(db.name(), source, DatabaseLocale.read(db.targetContext(), db.name()), true));
        } else {
            if (db.targetServer().template() != null) {
                found.addAll(compare(db.name(), source, db.targetServer().template(), false));
            }
            found.addAll(availability(db, source));
        }
        found.addAll(recordedVersions(db, source));
        found.addAll(libraryVersions(db, source, sourceVersions));
        return found;
    }

    /** With an existing target database, differences are warnings: that database's settings are the ones used. */
    private static List<Finding> compare(String name, DatabaseLocale source, DatabaseLocale target, boolean exists) {
        List<Finding> found = new ArrayList<>();
        String where = exists ? "the existing target database " + name : "the target's default (template1)";
        String fix = "drop the target database and let pgshift create it with the source's settings, or create it "
                + "yourself with them";
        if (!source.encoding().equals(target.encoding())) {
            found.add(exists
                    ? FindingCode.ENCODING_DIFFERS.warning(name, List.of(name), "the source database's encoding is "
                            + source.encoding() + ", " + where + " uses " + target.encoding()
                            + ": characters it cannot represent will not load", fix)
                    : FindingCode.ENCODING_DIFFERS.info(name, List.of(name), "the source database's encoding is "
                            + source.encoding() + ", " + where + " is " + target.encoding()
                            + "; pgshift creates the database with " + source.encoding()));
        }
        boolean sameProvider = source.provider() == target.provider() && Objects.equals(source.locale(), target.locale());
        if (!sameProvider) {
            String text = "the source database sorts with the " + source.providerName() + " provider"
                    + (source.locale() != null ? " (locale " + source.locale() + ")" : "") + ", " + where + " with "
                    + target.providerName() + (target.locale() != null ? " (locale " + target.locale() + ")" : "");
            found.add(exists ? FindingCode.LOCALE_PROVIDER_DIFFERS.warning(name, List.of(name), text
                            + ": text may sort differently", fix)
                    : FindingCode.LOCALE_PROVIDER_DIFFERS.info(name, List.of(name), text
                            + "; pgshift creates the database with the source's provider"));
        }
        if (!source.collate().equals(target.collate()) || !source.ctype().equals(target.ctype())) {
            String text = "the source database's LC_COLLATE/LC_CTYPE are " + source.collate() + "/" + source.ctype()
                    + ", " + where + " has " + target.collate() + "/" + target.ctype();
            found.add(exists ? FindingCode.LOCALE_DIFFERS.warning(name, List.of(name), text
                            + ": text may sort and compare differently", fix)
                    : FindingCode.LOCALE_DIFFERS.info(name, List.of(name), text
                            + "; pgshift creates the database with the source's locale"));
        }
        return found;
    }

    /** Whether the target can create the database with the source's locale at all. */
    private static List<Finding> availability(DatabasePair db, DatabaseLocale source) {
        List<Finding> found = new ArrayList<>();
        for (String locale : List.of(source.collate(), source.ctype())) {
            if (!LocaleNames.isBuiltIn(locale)
                    && !db.targetServer().libcLocales().contains(LocaleNames.normalise(locale))) {
                found.add(FindingCode.LOCALE_UNAVAILABLE.warning(db.name(), List.of(locale), "the target server does "
                        + "not seem to have locale " + locale + " (no collation or database uses it); pgshift would "
                        + "create database " + db.name() + " with locale C, which sorts text by byte values",
                        "install the locale on the target's operating system and restart the server, or create the "
                                + "database yourself first with a locale the target has"));
                break;
            }
        }
        if (source.provider() == 'i' && !db.targetServer().hasIcu()) {
            found.add(FindingCode.ICU_UNAVAILABLE.warning(db.name(), List.of(db.name()), "the source database uses "
                    + "ICU, but the target server has no ICU collations; pgshift would create it with libc",
                    "use a target server built with ICU"));
        }
        return found;
    }

    /**
     * A collation whose library changed since it was recorded on the source may have left the source's indexes
     * out of order. The copy builds fresh indexes on the target, but the source may already answer wrongly.
     */
    private static List<Finding> recordedVersions(DatabasePair db, DatabaseLocale source) throws SQLException {
        List<String> mismatched = new ArrayList<>();
        if (source.recordedVersion() != null && source.actualVersion() != null
                && !source.recordedVersion().equals(source.actualVersion())) {
            mismatched.add("database " + db.name() + " (recorded " + source.recordedVersion() + ", now "
                    + source.actualVersion() + ")");
        }
        if (db.sourceVersion().atLeast(10)) {
            try {
                mismatched.addAll(db.sourceContext().list("""
                        SELECT n.nspname, c.collname, c.collversion,
                               pg_catalog.pg_collation_actual_version(c.oid) AS actual
                        FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
                        WHERE c.collversion IS NOT NULL
                          AND c.oid IN (SELECT a.attcollation FROM pg_catalog.pg_attribute a
                                        UNION SELECT pg_catalog.unnest(i.indcollation::pg_catalog.oid[])
                                        FROM pg_catalog.pg_index i)
                          AND c.collversion IS DISTINCT FROM pg_catalog.pg_collation_actual_version(c.oid)
                        ORDER BY 1, 2""", rs -> "collation " + rs.getString(1) + "." + rs.getString(2) + " (recorded "
                        + rs.getString(3) + ", now " + rs.getString(4) + ")"));
            } catch (SQLException e) {
                // A collation whose locale the system lost cannot report its version; that is for the DBA of
                // the source, and must not stop the check.
            }
        }
        if (mismatched.isEmpty()) {
            return List.of();
        }
        return List.of(FindingCode.COLLATION_VERSION_MISMATCH.warning(db.name(), mismatched, "on the source, "
                + mismatched.get(0) + (mismatched.size() > 1 ? " and " + (mismatched.size() - 1) + " more" : "")
                + " sorts by a library version other than the one its indexes were built with, so they may be out "
                + "of order", "REINDEX the indexes on text of the source, then ALTER COLLATION ... REFRESH VERSION "
                + "(ALTER DATABASE ... REFRESH COLLATION VERSION from 15); the copy builds the target's indexes "
                + "afresh"));
    }

    /** The target's C library or ICU may sort some strings differently from the source's. */
    private static List<Finding> libraryVersions(DatabasePair db, DatabaseLocale source, CollationVersions sourceVersions) {
        CollationVersions targetVersions = db.targetServer().collationVersions();
        List<Finding> found = new ArrayList<>();
        String libc = source.libcCollate();
        if (libc != null && !LocaleNames.isBuiltIn(libc) && differ(sourceVersions.libc(), targetVersions.libc())) {
            found.add(changes(db.name(), "locale " + libc + " (C library)", sourceVersions.libc(), targetVersions.libc()));
        }
        if (source.provider() == 'i' && differ(sourceVersions.icu(), targetVersions.icu())) {
            found.add(changes(db.name(), "ICU locale " + source.locale(), sourceVersions.icu(), targetVersions.icu()));
        }
        return found;
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }

    private static Finding changes(String database, String what, String from, String to) {
        return FindingCode.COLLATION_VERSION_CHANGES.warning(database, List.of(what), "text in " + what + " sorts "
                + "by collation version " + from + " on the source and " + to + " on the target: some strings may "
                + "sort in another order there", "the copy builds every index afresh, so they stay consistent; check "
                + "ORDER BY results your applications rely on, and range partitions on text keys");
    }
}
