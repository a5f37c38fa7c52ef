package io.pgshift.catalog;

import java.util.List;

/**
 * A view or a materialized view.
 *
 * @param options      reloptions other than check_option, e.g. {@code security_barrier=true}; a materialized
 *                     view's storage options, its TOAST table's prefixed with {@code toast.}
 * @param checkOption  {@code local}, {@code cascaded} or null
 * @param materialized true for a materialized view
 * @param populated    whether a materialized view holds rows; one that was never refreshed must stay empty
 * @param tablespace   a materialized view's tablespace, or null for the database's default
 * @param accessMethod a materialized view's table access method (12+), or null before 12
 * @param columns      the columns, for their comments, privileges and (views only) defaults
 */
public record View(long oid, String schema, String name, String owner, String definition,
                   String options, String checkOption, String comment, String acl, boolean materialized,
                   boolean populated, String tablespace, String accessMethod, List<ViewColumn> columns) {

    public View {
        columns = List.copyOf(columns);
    }

    public ObjectRef ref() {
        return ObjectRef.relation(oid);
    }

    public String displayName() {
        return schema + "." + name;
    }
}
