package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.List;

/**
 * Reads one family of object kinds (types, routines, triggers, ...) from the source catalog. Each
 * implementation knows the catalog changes of its kinds across versions 9.6 to 18, and leaves out objects
 * that belong to extensions, since CREATE EXTENSION recreates those.
 */
public interface ObjectSource {
    List<ObjectDef> read(SourceContext context) throws SQLException;

    /**
     * What the source holds of these kinds that newer servers cannot recreate at all, so that the copy can
     * refuse before it writes anything. Most kinds have nothing of the sort.
     */
    default List<Incompatibility> incompatibilities(SourceContext context) throws SQLException {
        return List.of();
    }
}
