package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the source has that pgshift leaves behind, as messages for the user: subscriptions whose connection
 * strings the source user may not read (only a superuser may).
 */
public final class SourceWarnings {
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
        return warnings;
    }
}
