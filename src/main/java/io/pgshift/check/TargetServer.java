package io.pgshift.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;

/**
 * What the target server offers every database, read once: its databases, the extensions it can install, the
 * locales it knows, and its template's encoding and locale.
 *
 * @param databases        every database's name on the target
 * @param extensions       installable versions of each available extension
 * @param libcLocales      libc locale names the target knows (its collations and its databases' locales),
 *                         normalised by {@link LocaleNames#normalise}
 * @param hasIcu           whether the target was built with ICU
 * @param template         template1's encoding and locale: what a database created without options gets; null
 *                         if someone dropped template1
 * @param collationVersions the target's libc and ICU library versions, see {@link CollationVersions}
 */
record TargetServer(ServerVersion version, Set<String> databases, Map<String, List<String>> extensions,
                    Set<String> libcLocales, boolean hasIcu, DatabaseLocale template,
                    CollationVersions collationVersions) {

    static TargetServer read(Connection connection, ServerVersion version) throws SQLException {
        SourceContext context = new SourceContext(connection, version);
        Set<String> databases = new HashSet<>(context.list("SELECT datname FROM pg_catalog.pg_database",
                rs -> rs.getString(1)));
        Map<String, List<String>> extensions = new HashMap<>();
        context.list("SELECT name, version FROM pg_catalog.pg_available_extension_versions", rs -> extensions
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
        Set<String> locales = new HashSet<>();
        // Before 10 every collation is a libc one, and pg_collation has no provider column.
        String libc = version.atLeast(10) ? "collprovider = 'c' AND " : "";
        context.list("""
                SELECT collcollate FROM pg_catalog.pg_collation WHERE %1$scollcollate IS NOT NULL
                UNION SELECT collname FROM pg_catalog.pg_collation WHERE %1$scollcollate IS NOT NULL
                UNION SELECT datcollate FROM pg_catalog.pg_database
                UNION SELECT datctype FROM pg_catalog.pg_database""".formatted(libc),
                rs -> locales.add(LocaleNames.normalise(rs.getString(1))));
        boolean icu = version.atLeast(10) && !context.list(
                "SELECT 1 FROM pg_catalog.pg_collation WHERE collprovider = 'i' LIMIT 1", rs -> 1).isEmpty();
        DatabaseLocale template = DatabaseLocale.read(context, "template1");
        return new TargetServer(version, Set.copyOf(databases), Map.copyOf(extensions), Set.copyOf(locales), icu,
                template, CollationVersions.read(context));
    }
}
