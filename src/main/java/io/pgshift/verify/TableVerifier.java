package io.pgshift.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.Table;
import io.pgshift.data.SessionSettings;

/**
 * Compares every table of the source with the same table on the target by row count and row hash.
 * Both sides are hashed at the same time, each on its own server.
 */
public final class TableVerifier {
    private TableVerifier() {
    }

    public static List<TableCheck> compare(Connection source, Connection target) throws SQLException {
        SessionSettings.applySource(source, CatalogReader.versionOf(source));
        RowHasher.prepareSession(source);
        RowHasher.prepareSession(target);
        List<Table> tables = new CatalogReader(source, CatalogReader.versionOf(source)).tables();
        List<TableCheck> checks = new ArrayList<>();
        for (Table table : tables) {
            CompletableFuture<Fingerprint> onTarget = CompletableFuture.supplyAsync(() -> hash(target, table));
            Fingerprint onSource = hash(source, table);
            try {
                checks.add(new TableCheck(table.displayName(), onSource, onTarget.join()));
            } catch (CompletionException e) {
                throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
            }
        }
        return checks;
    }

    private static Fingerprint hash(Connection connection, Table table) {
        try {
            return RowHasher.fingerprint(connection, table);
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }
}
