package io.pgshift.ddl;

import java.util.List;

import io.pgshift.catalog.AccessMethod;
import io.pgshift.catalog.Definition;
import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.QualifiedName;
import io.pgshift.catalog.routines.Transform;
import io.pgshift.catalog.types.Cast;
import io.pgshift.catalog.types.Conversion;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.literal;
import static io.pgshift.sql.Sql.qualified;

/**
 * The statements of the objects the catalog hands over as a {@link Definition}: how each is created, and how ALTER
 * ... OWNER TO, COMMENT ON and DROP name it (its designation). Objects read the older way carry both already.
 */
public final class Definitions {
    private Definitions() {
    }

    /** The statements that create the object. */
    public static List<String> create(ObjectDef o) {
        Definition d = o.definition();
        if (d == null) {
            return o.create();
        }
        if (d instanceof AccessMethod am) {
            return List.of("CREATE ACCESS METHOD " + ident(am.name()) + " TYPE " + (am.table() ? "TABLE" : "INDEX")
                    + " HANDLER " + name(am.handler()));
        }
        if (d instanceof Cast c) {
            String method = switch (c.method()) {
                case 'i' -> " WITH INOUT";
                case 'b' -> " WITHOUT FUNCTION";
                default -> " WITH FUNCTION " + name(c.function()) + "(" + c.arguments() + ")";
            };
            String use = switch (c.context()) {
                case 'a' -> " AS ASSIGNMENT";
                case 'i' -> " AS IMPLICIT";
                default -> "";
            };
            return List.of("CREATE " + designation(o) + method + use);
        }
        if (d instanceof Conversion c) {
            return List.of("CREATE " + (c.isDefault() ? "DEFAULT " : "") + designation(o) + " FOR "
                    + literal(c.sourceEncoding()) + " TO " + literal(c.targetEncoding()) + " FROM " + name(c.function()));
        }
        if (d instanceof Transform t) {
            String functions = (t.fromSql() != null ? "FROM SQL WITH FUNCTION " + t.fromSql() : "")
                    + (t.fromSql() != null && t.toSql() != null ? ", " : "")
                    + (t.toSql() != null ? "TO SQL WITH FUNCTION " + t.toSql() : "");
            return List.of("CREATE " + designation(o) + " (" + functions + ")");
        }
        throw new IllegalArgumentException("no statement is written for " + d.getClass().getSimpleName());
    }

    /** How ALTER ... OWNER TO, COMMENT ON and DROP name the object: {@code CAST (integer AS myint)}. */
    public static String designation(ObjectDef o) {
        Definition d = o.definition();
        if (d == null) {
            return o.designation();
        }
        if (d instanceof AccessMethod am) {
            return "ACCESS METHOD " + ident(am.name());
        }
        if (d instanceof Cast c) {
            return "CAST (" + c.source() + " AS " + c.target() + ")";
        }
        if (d instanceof Conversion c) {
            return "CONVERSION " + name(c.name());
        }
        if (d instanceof Transform t) {
            return "TRANSFORM FOR " + t.type() + " LANGUAGE " + ident(t.language());
        }
        throw new IllegalArgumentException("no designation is written for " + d.getClass().getSimpleName());
    }

    private static String name(QualifiedName name) {
        return qualified(name.schema(), name.name());
    }
}
