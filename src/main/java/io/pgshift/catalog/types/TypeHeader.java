package io.pgshift.catalog.types;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;
import io.pgshift.object.Section;
import io.pgshift.object.Kind;

/**
 * What every user type has, whatever its kind: schema, name, owner, comment and privileges (USAGE, with
 * acldefault's letter T). The reader of each kind selects these columns next to its own.
 */
record TypeHeader(long oid, String schema, String name, String owner, String comment, String acl) {

    /** Select-list of the header columns, for a query over {@code pg_type t} and {@code pg_namespace n}. */
    static final String COLUMNS = "t.oid AS type_oid, n.nspname AS type_schema, t.typname AS type_name, "
            + "pg_catalog.pg_get_userbyid(t.typowner) AS type_owner, "
            + "(SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = t.oid AND cmt.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND cmt.objsubid = 0) AS type_comment, "
            + SourceContext.aclJson("t.typacl", 'T', "t.typowner") + " AS type_acl";

    /** The types of one kind that belong to the user: not in system schemas, not created by an extension. */
    static String from(String condition) {
        return from("", condition);
    }

    /** As {@link #from(String)}, joining more catalogs to {@code t}. */
    static String from(String joins, String condition) {
        return "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace " + joins
                + " WHERE "
                + SourceContext.userSchema("n.nspname") + " AND "
                + SourceContext.notExtensionMember("pg_type", "t.oid") + " AND " + condition;
    }

    static TypeHeader read(ResultSet rs) throws SQLException {
        return new TypeHeader(rs.getLong("type_oid"), rs.getString("type_schema"), rs.getString("type_name"),
                rs.getString("type_owner"), rs.getString("type_comment"), rs.getString("type_acl"));
    }

    String qualifiedName() {
        return Sql.qualified(schema, name);
    }

    ObjectRef ref() {
        return ObjectRef.of("pg_type", oid);
    }

    /**
     * The shell of this type, {@code CREATE TYPE name}, for the functions the type needs before it can be
     * defined; the owner, comment and privileges are the full type's business.
     */
    ObjectDef shell() {
        return ObjectDef.of(ObjectRef.shellOf(oid), Kind.SHELL_TYPE, schema, schema + "." + name,
                "TYPE " + qualifiedName(), Section.PRE_DATA, List.of("CREATE TYPE " + qualifiedName()));
    }

    /** A type (or, with kind DOMAIN, a domain) with its owner, comment and privileges. */
    ObjectDef definition(Kind kind, ObjectRef ref, List<String> create) {
        return ObjectDef.of(ref, kind, schema, schema + "." + name, kind + " " + qualifiedName(), Section.PRE_DATA,
                create).withOwner(owner).withComment(comment).withAcl(null, acl);
    }
}
