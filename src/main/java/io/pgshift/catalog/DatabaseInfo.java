package io.pgshift.catalog;

import java.util.List;
import io.pgshift.object.ObjectRef;

/**
 * The source database itself: what the target database is created with (encoding, locale, collation
 * provider), and the properties set on it afterwards (settings, comment, privileges, owner).
 *
 * @param localeProvider {@code 'c'} libc, {@code 'i'} ICU (15+), {@code 'b'} builtin (17+)
 * @param locale         the ICU or builtin locale; null with libc
 * @param icuRules       ICU tailoring rules (16+), or null
 * @param connectionLimit -1 for no limit
 * @param settings       {@code ALTER DATABASE ... SET} values as pg_db_role_setting keeps them: "name=value",
 *                       in the order they were set; settings for one role in this database are not among them
 * @param acl            privileges as {@link SourceContext#aclJson} renders them, null for the defaults
 */
public record DatabaseInfo(long oid, String name, String owner, String encoding, String collate, String ctype,
                           char localeProvider, String locale, String icuRules, boolean isTemplate,
                           int connectionLimit, List<String> settings, String comment, String acl) {

    public DatabaseInfo {
        settings = List.copyOf(settings);
    }

    public ObjectRef ref() {
        return ObjectRef.of("pg_database", oid);
    }
}
