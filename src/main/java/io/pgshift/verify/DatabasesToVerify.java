package io.pgshift.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;
import io.pgshift.data.SessionSettings;
import io.pgshift.server.ServerDatabases;

/**
 * Which databases a whole-server verification compares: every database of the server that accepts connections,
 * except the templates and the maintenance databases of managed services, which hold nothing of the user's and
 * which a migration leaves alone; or exactly those the user names. Names are taken as written: database names are
 * case-sensitive.
 * <p>
 * The databases never migrated are {@link ServerDatabases#NEVER_MIGRATED}, the list check and upgrade use. Unlike
 * them, verify compares such a database when it is named.
 */
final class DatabasesToVerify {
    /** Never migrated, so never compared, unless named. */
    static final Set<String> SKIPPED = ServerDatabases.NEVER_MIGRATED;

    private DatabasesToVerify() {
    }

    /**
     * The names of the databases on the server that accept connections, in name order.
     *
     * @param failure the code of a failure to read them: SOURCE_FAILED on the source
     */
    static List<String> onServer(ConnInfo server, ErrorCode failure) {
        try (Connection c = openMaintenance(server); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_catalog.pg_database WHERE datallowconn "
                     + "ORDER BY datname")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new PgShiftException(failure, "could not list the databases of "
                    + server.describe() + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /**
     * The databases to compare out of a server's: {@code only} when it is not empty, else all but the skipped
     * ones; in both cases without {@code exclude}.
     */
    static List<String> select(List<String> onServer, List<String> only, List<String> exclude) {
        Set<String> chosen = new LinkedHashSet<>(only.isEmpty()
                ? onServer.stream().filter(d -> !SKIPPED.contains(d)).toList() : only);
        exclude.forEach(chosen::remove);
        return List.copyOf(chosen);
    }

    /** pg_dumpall's choice: the postgres database, or template1 where there is none. */
    static Connection openMaintenance(ConnInfo server) throws SQLException {
        Connection c;
        try {
            c = Connector.open(server.withDatabase("postgres"));
        } catch (PgShiftException e) {
            if (e.code() != ErrorCode.DATABASE_NOT_FOUND) {
                throw e;
            }
            c = Connector.open(server.withDatabase("template1"));
        }
        try {
            SessionSettings.applySource(c, CatalogReader.versionOf(c));
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
