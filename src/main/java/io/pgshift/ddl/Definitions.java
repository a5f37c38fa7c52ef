package io.pgshift.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.pgshift.catalog.AccessMethod;
import io.pgshift.catalog.Definition;
import io.pgshift.catalog.EventTrigger;
import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.QualifiedName;
import io.pgshift.catalog.routines.Language;
import io.pgshift.catalog.routines.Transform;
import io.pgshift.catalog.types.Cast;
import io.pgshift.catalog.types.Conversion;

import io.pgshift.sql.Sql;

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
        if (d instanceof Language l) {
            // OR REPLACE, so that a copy with --clean succeeds although languages are not in a schema and survive
            // the cleaning.
            return List.of("CREATE OR REPLACE " + (l.trusted() ? "TRUSTED " : "") + designation(o) + " HANDLER "
                    + l.handler() + (l.inline() != null ? " INLINE " + l.inline() : "")
                    + (l.validator() != null ? " VALIDATOR " + l.validator() : ""));
        }
        if (d instanceof EventTrigger t) {
            List<String> sql = new ArrayList<>();
            // EXECUTE PROCEDURE, not FUNCTION: every version from 9.6 to 18 accepts it.
            sql.add("CREATE " + designation(o) + " ON " + ident(t.event())
                    + (t.tags().isEmpty() ? "" : "\n    WHEN TAG IN (" + t.tags().stream().map(Sql::literal)
                    .collect(Collectors.joining(", ")) + ")")
                    + "\n    EXECUTE PROCEDURE " + name(t.function()) + "()");
            String state = switch (t.enabled()) {
                case 'D' -> "DISABLE";
                case 'R' -> "ENABLE REPLICA";
                case 'A' -> "ENABLE ALWAYS";
                default -> null;
            };
            if (state != null) {
                sql.add("ALTER " + designation(o) + " " + state);
            }
            return sql;
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
        if (d instanceof Language l) {
            return "LANGUAGE " + ident(l.name());
        }
        if (d instanceof EventTrigger t) {
            return "EVENT TRIGGER " + ident(t.name());
        }
        throw new IllegalArgumentException("no designation is written for " + d.getClass().getSimpleName());
    }

    private static String name(QualifiedName name) {
        return qualified(name.schema(), name.name());
    }
}
