package io.pgshift.ddl;

import java.util.EnumSet;
import java.util.Set;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.Kind;

/**
 * The DROP statement of a generic object, for restore --clean, written with IF EXISTS. The designation an
 * object is owned and commented by (FUNCTION public.f(integer), POLICY p ON public.t, CAST (a AS b)) is what
 * DROP takes after its kind, so the statement is the designation with IF EXISTS after the kind.
 */
final class Drops {
    /** Kinds dropped through their designation; the others go with what they belong to or are not objects. */
    private static final Set<Kind> BY_DESIGNATION = EnumSet.of(Kind.FUNCTION, Kind.PROCEDURE, Kind.AGGREGATE,
            Kind.TYPE, Kind.DOMAIN, Kind.COLLATION, Kind.CONVERSION, Kind.EXTENSION, Kind.EVENT_TRIGGER,
            Kind.FOREIGN_DATA_WRAPPER, Kind.SERVER, Kind.USER_MAPPING, Kind.FOREIGN_TABLE, Kind.LANGUAGE, Kind.OPERATOR,
            Kind.OPERATOR_CLASS, Kind.OPERATOR_FAMILY, Kind.POLICY, Kind.PUBLICATION, Kind.RULE, Kind.TRIGGER,
            Kind.STATISTICS, Kind.TEXT_SEARCH_CONFIGURATION, Kind.TEXT_SEARCH_DICTIONARY, Kind.TEXT_SEARCH_PARSER,
            Kind.TEXT_SEARCH_TEMPLATE, Kind.CAST, Kind.TRANSFORM, Kind.ACCESS_METHOD);

    private Drops() {
    }

    /** The drop of the object, or null when it has none of its own. */
    static String of(ObjectDef o) {
        if (o.kind() == Kind.LARGE_OBJECT) {
            // lo_unlink of a missing large object fails, so only an existing one is unlinked.
            return "SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = "
                    + o.ref().oid();
        }
        String designation = Definitions.designation(o);
        if (designation == null || !BY_DESIGNATION.contains(o.kind()) || !designation.startsWith(o.kind() + " ")) {
            return null;
        }
        return "DROP " + o.kind() + " IF EXISTS " + designation.substring(o.kind().label().length() + 1);
    }
}
