package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What an {@link ObjectSource} needs: the source session (inside the snapshot) and its version. */
public record SourceContext(Connection connection, ServerVersion version) {

    public <T> List<T> list(String sql, Queries.RowMapper<T> mapper) throws SQLException {
        return Queries.list(connection, sql, mapper);
    }

    /** SQL condition: the object with this oid in this catalog is not a member of an extension. */
    public static String notExtensionMember(String catalog, String oidExpression) {
        return Queries.notExtensionMember(catalog, oidExpression);
    }

    /**
     * SQL expression that renders an object's privileges as JSON: {@code {"acl": [...], "default": [...]}},
     * each item a {@code [grantor, grantee, privilege, grantable]} array with "" as the grantee for PUBLIC.
     * "default" holds what the object would have had with a NULL acl (acldefault), so the writer can grant
     * and revoke only the difference, and the target's own defaults (MAINTAIN in 17, say) still apply.
     * The expression is NULL when the acl is NULL.
     *
     * @param aclColumn   the aclitem[] column, e.g. {@code c.relacl}
     * @param objectType  acldefault's type letter: r table, s sequence, f function, T type, n schema, ...
     * @param ownerColumn the owner's oid column, e.g. {@code c.relowner}
     */
    public static String aclJson(String aclColumn, char objectType, String ownerColumn) {
        return "CASE WHEN " + aclColumn + " IS NULL THEN NULL ELSE pg_catalog.json_build_object('acl', "
                + aclItems(aclColumn) + ", 'default', " + aclItems("pg_catalog.acldefault('" + objectType + "', "
                + ownerColumn + ")") + ")::text END";
    }

    /** SQL: the items of an aclitem[] expression as a JSON array, in the form {@link #aclJson} uses. */
    public static String aclItems(String acl) {
        return "COALESCE((SELECT pg_catalog.json_agg(pg_catalog.json_build_array(pg_catalog.pg_get_userbyid(a.grantor), "
                + "CASE WHEN a.grantee = 0 THEN '' ELSE pg_catalog.pg_get_userbyid(a.grantee) END, a.privilege_type, "
                + "a.is_grantable)) FROM pg_catalog.aclexplode(" + acl + ") a), '[]'::pg_catalog.json)";
    }

    /** SQL condition on a namespace name column: not a system schema. */
    public static String userSchema(String nspnameColumn) {
        return Queries.userSchema(nspnameColumn);
    }
}
