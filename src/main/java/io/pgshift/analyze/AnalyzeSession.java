package io.pgshift.analyze;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;
import io.pgshift.data.SessionSettings;
import io.pgshift.connect.Connections;

/** One worker's session on the target, moved from database to database as its tables require. */
final class AnalyzeSession implements AutoCloseable {
    private final ConnInfo server;
    private volatile Connection connection;
    private String database;
    private Stage stage;

    AnalyzeSession(ConnInfo server) {
        this.server = server;
    }

    /** The database this session is connected to, or null. */
    String database() {
        return database;
    }

    /** Connected to the table's database, with the stage's statistics target. */
    void prepare(String db, Stage wanted) throws SQLException {
        if (!db.equals(database)) {
            close();
            ConnInfo info = db.equals(server.dbname()) ? server : server.withDatabase(db);
            Connection c = Connector.open(info);
            try {
                // The target settings turn off statement and lock timeouts that would cut a long ANALYZE short.
                SessionSettings.applyTarget(c, CatalogReader.versionOf(c));
            } catch (SQLException | RuntimeException e) {
                Connections.closeQuietly(c);
                throw e;
            }
            connection = c;
            database = db;
            stage = null;
        }
        if (!wanted.equals(stage)) {
            SessionSettings.execute(connection, wanted.sessionSetting());
            stage = wanted;
        }
    }

    /** Runs ANALYZE and returns the server's warnings, such as a table skipped for want of privileges. */
    List<String> analyze(AnalyzeTable table) throws SQLException {
        List<String> warnings = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            st.execute(table.statement());
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.add(w.getMessage());
            }
        }
        return warnings;
    }

    void cancel() {
        Connections.cancel(connection);
    }

    @Override
    public void close() {
        Connections.closeQuietly(connection);
        connection = null;
        database = null;
    }
}
