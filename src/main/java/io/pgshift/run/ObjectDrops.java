package io.pgshift.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.sql.Sql;
import io.pgshift.object.Kind;

/**
 * What --clean drops of the generic objects the copy is about to create: publications, user mappings,
 * servers, wrappers, large objects, and the foreign tables and text search objects of public (other schemas
 * go whole). Extensions go last, once nothing of the source's uses them any more, so that their
 * configuration tables start again from the extension's own rows.
 */
final class ObjectDrops {
    /** Kinds dropped by name, with whether DROP takes CASCADE; everything that depends on them is the source's. */
    private static final Map<Kind, Boolean> KINDS = Map.of(Kind.PUBLICATION, false, Kind.USER_MAPPING, false,
            Kind.FOREIGN_TABLE, true, Kind.SERVER, true, Kind.FOREIGN_DATA_WRAPPER, true,
            Kind.TEXT_SEARCH_CONFIGURATION, true, Kind.TEXT_SEARCH_DICTIONARY, true, Kind.TEXT_SEARCH_TEMPLATE, true,
            Kind.TEXT_SEARCH_PARSER, true);

    /** The order in which kinds are dropped: dependents first. */
    private static final List<Kind> ORDER = List.of(Kind.PUBLICATION, Kind.FOREIGN_TABLE, Kind.USER_MAPPING,
            Kind.SERVER, Kind.FOREIGN_DATA_WRAPPER, Kind.TEXT_SEARCH_CONFIGURATION, Kind.TEXT_SEARCH_DICTIONARY,
            Kind.TEXT_SEARCH_TEMPLATE, Kind.TEXT_SEARCH_PARSER);

    private ObjectDrops() {
    }

    /** Drops to run before the schemas and tables go. */
    static List<String> first(List<ObjectDef> objects) {
        List<String> drops = new ArrayList<>();
        for (Kind kind : ORDER) {
            for (ObjectDef o : objects) {
                if (o.kind() == kind && (o.schema() == null || "public".equals(o.schema()))) {
                    // The designation starts with the kind: "SERVER x", "USER MAPPING FOR r SERVER x".
                    drops.add("DROP " + kind + " IF EXISTS " + io.pgshift.ddl.Definitions.designation(o).substring(kind.label().length() + 1)
                            + (KINDS.get(kind) ? " CASCADE" : ""));
                }
            }
        }
        String largeObjects = objects.stream().filter(o -> o.kind() == Kind.LARGE_OBJECT)
                .map(o -> String.valueOf(o.ref().oid())).collect(Collectors.joining(","));
        if (!largeObjects.isEmpty()) {
            drops.add("SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata "
                    + "WHERE oid = ANY ('{" + largeObjects + "}'::pg_catalog.oid[])");
        }
        return drops;
    }

    /** Drops to run last: the extensions, without CASCADE, so that nothing but the source's objects goes. */
    static List<String> last(List<ObjectDef> objects) {
        return objects.stream().filter(o -> o.kind() == Kind.EXTENSION)
                .map(o -> "DROP EXTENSION IF EXISTS " + Sql.ident(o.name())).toList();
    }
}
