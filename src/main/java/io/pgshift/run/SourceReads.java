package io.pgshift.run;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.CatalogFilter;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.SequenceDef;
import io.pgshift.catalog.SourceContext;
import io.pgshift.catalog.Table;
import io.pgshift.catalog.Unreadable;
import io.pgshift.object.Kind;

/**
 * Before a copy or a dump writes anything: every table, sequence and large object whose contents it reads must be
 * readable by the source user. A managed service's admin often may not read what other roles own, and finding
 * that out at the table's turn would leave half a database behind.
 */
final class SourceReads {
    private SourceReads() {
    }

    /** @throws PgShiftException CHECK_FAILED naming what cannot be read, its owners and the grants that fix it */
    static void require(SourceContext source, Catalog catalog, CatalogFilter filter, String user)
            throws SQLException {
        Set<ObjectRef> noData = filter.excludedData(catalog);
        Set<List<String>> read = new HashSet<>();
        for (Table t : catalog.tables()) {
            if (!noData.contains(ObjectRef.dataOf(t.oid()))) {
                read.add(List.of(t.schema(), t.name()));
            }
        }
        for (SequenceDef s : catalog.sequences()) {
            read.add(List.of(s.schema(), s.name()));
        }
        boolean largeObjects = catalog.objects().stream().anyMatch(o -> o.kind() == Kind.LARGE_OBJECT_DATA);
        Unreadable unreadable = Unreadable.read(source).only((schema, table) -> read.contains(List.of(schema, table)),
                largeObjects);
        if (!unreadable.isEmpty()) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, "the source user " + user + " may not read "
                    + unreadable.describe() + "; nothing was written (on the source, as a superuser or a role with "
                    + "ADMIN OPTION on the owners: " + unreadable.fix(user) + "; or leave them out with -T or "
                    + "--exclude-table-data)");
        }
    }
}
