package io.pgshift.catalog;

import java.util.List;
import io.pgshift.object.ObjectRef;

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
 * @param sessionSettings a materialized view's: the settings a session of its owner in its database starts with,
 *                     from ALTER ROLE ... SET and ALTER DATABASE ... SET, as {@code name=value}; the settings its
 *                     rows were computed under, when the source refreshed it
 */
public record View(long oid, String schema, String name, String owner, String definition,
                   String options, String checkOption, String comment, String acl, boolean materialized,
                   boolean populated, String tablespace, String accessMethod, List<ViewColumn> columns,
                   List<String> sessionSettings) {

    public View {
        columns = List.copyOf(columns);
        sessionSettings = List.copyOf(sessionSettings);
    }

    /** A view whose session settings do not matter: no materialized view, or one whose owner and database set none. */
    public View(long oid, String schema, String name, String owner, String definition, String options,
                String checkOption, String comment, String acl, boolean materialized, boolean populated,
                String tablespace, String accessMethod, List<ViewColumn> columns) {
        this(oid, schema, name, owner, definition, options, checkOption, comment, acl, materialized, populated,
                tablespace, accessMethod, columns, List.of());
    }

    public ObjectRef ref() {
        return ObjectRef.relation(oid);
    }

    public String displayName() {
        return schema + "." + name;
    }
}
