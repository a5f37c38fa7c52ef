package io.pgshift.ddl;

import java.util.Set;

import io.pgshift.catalog.ObjectDef;

/**
 * The DROP statement of a generic object, for restore --clean, written with IF EXISTS. The designation an
 * object is owned and commented by (FUNCTION public.f(integer), POLICY p ON public.t, CAST (a AS b)) is what
 * DROP takes after its kind, so the statement is the designation with IF EXISTS after the kind.
 */
final class Drops {
    /** Kinds dropped through their designation; the others go with what they belong to or are not objects. */
    private static final Set<String> BY_DESIGNATION = Set.of("FUNCTION", "PROCEDURE", "AGGREGATE", "TYPE", "DOMAIN",
            "COLLATION", "CONVERSION", "EXTENSION", "EVENT TRIGGER", "FOREIGN DATA WRAPPER", "SERVER", "USER MAPPING",
            "FOREIGN TABLE", "LANGUAGE", "OPERATOR", "OPERATOR CLASS", "OPERATOR FAMILY", "POLICY", "PUBLICATION",
            "RULE", "TRIGGER", "STATISTICS", "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY",
            "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE", "CAST", "TRANSFORM", "ACCESS METHOD");

    private Drops() {
    }

    /** The drop of the object, or null when it has none of its own. */
    static String of(ObjectDef o) {
        if ("LARGE OBJECT".equals(o.kind())) {
            // lo_unlink of a missing large object fails, so only an existing one is unlinked.
            return "SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = "
                    + o.ref().oid();
        }
        String designation = o.designation();
        if (designation == null || !BY_DESIGNATION.contains(o.kind()) || !designation.startsWith(o.kind() + " ")) {
            return null;
        }
        return "DROP " + o.kind() + " IF EXISTS " + designation.substring(o.kind().length() + 1);
    }
}
