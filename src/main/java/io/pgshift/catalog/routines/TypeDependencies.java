package io.pgshift.catalog.routines;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.SourceContext;

/**
 * Where pg_depend says an object needs a type that nobody creates with CREATE TYPE: a table's row type,
 * or an array type. The table (or the array's element type, or the extension that makes it) is what has
 * to exist first, so the dependency is redirected there; pg_depend's own edge points at a type no plan
 * entry stands for.
 */
final class TypeDependencies {
    private TypeDependencies() {
    }

    /** An object's use of a type: the type itself, or an array's element type, and its relation if any. */
    private record TypeUse(long object, long type, long relation, boolean composite) {
    }

    /** For each object of {@code catalog} (by oid), the objects its types stand for. */
    static Map<Long, Set<ObjectRef>> of(SourceContext context, String catalog) throws SQLException {
        ExtensionMembers extensions = ExtensionMembers.read(context);
        List<TypeUse> uses = context.list("""
                SELECT d.objid, COALESCE(e.oid, t.oid) AS type_oid, COALESCE(e.typrelid, t.typrelid) AS relation,
                       COALESCE((SELECT c.relkind = 'c' FROM pg_catalog.pg_class c
                                 WHERE c.oid = COALESCE(e.typrelid, t.typrelid)), false) AS composite
                FROM pg_catalog.pg_depend d
                JOIN pg_catalog.pg_type t ON t.oid = d.refobjid
                LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem AND t.typlen = -1 AND t.typelem <> 0
                WHERE d.classid = 'pg_catalog.%s'::pg_catalog.regclass
                  AND d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.deptype = 'n'
                  AND (e.oid IS NOT NULL OR t.typrelid <> 0)""".formatted(catalog),
                rs -> new TypeUse(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)));
        Map<Long, Set<ObjectRef>> byObject = new HashMap<>();
        for (TypeUse use : uses) {
            Set<ObjectRef> needed = byObject.computeIfAbsent(use.object(), k -> new HashSet<>());
            // A table's row type comes with its table. A composite type is a pg_class row too, but it is
            // created as a type, so both of its identities are named.
            if (use.relation() != 0) {
                needed.add(ObjectRef.relation(use.relation()));
            }
            if (use.relation() == 0 || use.composite()) {
                needed.add(ObjectRef.of("pg_type", use.type()));
            }
        }
        byObject.replaceAll((object, needed) -> extensions.creators(needed));
        return byObject;
    }
}
