package io.pgshift.catalog.routines;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.SourceContext;

/**
 * The objects that belong to extensions. Nothing creates such an object on its own: CREATE EXTENSION does, so
 * a dependency on one (an operator class built on an extension's function, a function over an array of an
 * extension's type) is a dependency on its extension.
 */
final class ExtensionMembers {
    private final Map<ObjectRef, ObjectRef> extensionOf;

    private ExtensionMembers(Map<ObjectRef, ObjectRef> extensionOf) {
        this.extensionOf = extensionOf;
    }

    static ExtensionMembers read(SourceContext context) throws SQLException {
        Map<ObjectRef, ObjectRef> extensionOf = new HashMap<>();
        context.list("""
                SELECT d.classid::pg_catalog.regclass::text, d.objid, d.refobjid FROM pg_catalog.pg_depend d
                WHERE d.deptype = 'e' AND d.objsubid = 0
                  AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass""",
                rs -> extensionOf.put(ObjectRef.of(rs.getString(1), rs.getLong(2)),
                        ObjectRef.of("pg_extension", rs.getLong(3))));
        return new ExtensionMembers(extensionOf);
    }

    /** The objects that must exist first, with extension members replaced by their extensions. */
    Set<ObjectRef> creators(Set<ObjectRef> needed) {
        Set<ObjectRef> creators = new HashSet<>();
        for (ObjectRef ref : needed) {
            creators.add(extensionOf.getOrDefault(ref, ref));
        }
        return creators;
    }
}
