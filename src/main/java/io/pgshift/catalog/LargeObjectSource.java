package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pgshift.object.Section;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Large objects: each is created empty, with its oid, owner, privileges and comment, before the data;
 * its contents are a DATA entry of its own, streamed in chunks by the data phase from the same snapshot.
 */
final class LargeObjectSource implements ObjectSource {

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        List<ObjectDef> objects = new ArrayList<>();
        context.list("""
                SELECT l.oid, pg_catalog.pg_get_userbyid(l.lomowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = l.oid AND cmt.classoid = 'pg_catalog.pg_largeobject'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment, %s AS acl
                FROM pg_catalog.pg_largeobject_metadata l
                ORDER BY l.oid""".formatted(SourceContext.aclJson("l.lomacl", 'L', "l.lomowner")),
                rs -> {
                    long oid = rs.getLong("oid");
                    ObjectRef metadata = ObjectRef.of("pg_largeobject_metadata", oid);
                    String designation = "LARGE OBJECT " + oid;
                    objects.add(ObjectDef.of(metadata, Kind.LARGE_OBJECT, null, String.valueOf(oid), designation,
                            Section.PRE_DATA, List.of("SELECT pg_catalog.lo_create('" + oid + "')"))
                            .withOwner(rs.getString("owner")).withComment(rs.getString("comment"))
                            .withAcl(null, rs.getString("acl")));
                    objects.add(ObjectDef.of(ObjectRef.of("pg_largeobject", oid), Kind.LARGE_OBJECT_DATA, null,
                            String.valueOf(oid), designation, Section.DATA, List.of())
                            .withDependencies(Set.of(metadata)));
                    return null;
                });
        return objects;
    }
}
