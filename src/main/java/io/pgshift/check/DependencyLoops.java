package io.pgshift.check;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.ddl.DdlWriter;
import io.pgshift.plan.Planner;

/**
 * Objects that depend on each other in a loop that no order of creation satisfies and no split breaks, such as a
 * view that selects from itself: the copy, dump and restore would each stop on them with exit code 13 before
 * writing anything. The check orders the same statements with the same planner, so it finds exactly those.
 */
final class DependencyLoops {
    private DependencyLoops() {
    }

    static List<Finding> check(DatabasePair db) throws SQLException {
        Catalog catalog = new CatalogReader(db.source(), db.sourceVersion()).forSchemaOnly().read();
        try {
            Planner.order(new DdlWriter(catalog, DdlOptions.DEFAULTS).entries());
            return List.of();
        } catch (PgShiftException e) {
            if (e.code() != ErrorCode.DEPENDENCY_LOOP) {
                throw e;
            }
            return List.of(FindingCode.DEPENDENCY_LOOP.error(db.name(), List.of(), e.getMessage(),
                    "leave one of the objects out (-T for a table or view, -N for its schema), or change it on the "
                            + "source; pg_dump cannot restore it either"));
        }
    }
}
