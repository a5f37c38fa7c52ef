package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the source has that pgshift leaves behind, as messages for the user. Subscriptions whose connection
 * strings the source user may not read (only a superuser may); security labels, which need a label provider
 * module that a target normally does not load.
 */
public final class SourceWarnings {
    private static final int MAX_NAMED = 10;

    private SourceWarnings() {
    }

    public static List<String> read(SourceContext context) throws SQLException {
        List<String> warnings = new ArrayList<>();
        if (context.version().atLeast(10) && !SubscriptionSource.readable(context)) {
            for (String subscription : context.list("""
                    SELECT s.subname FROM pg_catalog.pg_subscription s
                    JOIN pg_catalog.pg_database d ON d.oid = s.subdbid
                    WHERE d.datname = pg_catalog.current_database()
                    ORDER BY s.subname""", rs -> rs.getString(1))) {
                warnings.add("subscription " + subscription + " is not copied: only a superuser may read its "
                        + "connection string on the source; create it on the target yourself once the copy is in use");
            }
        }
        List<String> labels = context.list("""
                SELECT l.objtype || ' ' || l.objname || ' (provider ' || l.provider || ')'
                FROM pg_catalog.pg_seclabels l
                WHERE l.objtype <> 'role' AND l.objtype <> 'tablespace'
                  AND (l.objtype <> 'database' OR l.objname = pg_catalog.quote_ident(pg_catalog.current_database()))
                ORDER BY 1""", rs -> rs.getString(1));
        if (!labels.isEmpty()) {
            warnings.add(labels.size() + " security label" + (labels.size() == 1 ? " is" : "s are")
                    + " not copied, as the target has no label provider loaded: "
                    + String.join(", ", labels.subList(0, Math.min(MAX_NAMED, labels.size())))
                    + (labels.size() > MAX_NAMED ? " and " + (labels.size() - MAX_NAMED) + " more" : ""));
        }
        return warnings;
    }
}
