package io.pgshift.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.pgshift.catalog.AccessMethod;
import io.pgshift.catalog.Definition;
import io.pgshift.catalog.EventTrigger;
import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.Policy;
import io.pgshift.catalog.QualifiedName;
import io.pgshift.catalog.RowSecurity;
import io.pgshift.catalog.Rule;
import io.pgshift.catalog.Statistics;
import io.pgshift.catalog.routines.Language;
import io.pgshift.catalog.routines.Transform;
import io.pgshift.catalog.types.Cast;
import io.pgshift.catalog.types.Collation;
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
            String state = firing(t.enabled());
            if (state != null) {
                sql.add("ALTER " + designation(o) + " " + state);
            }
            return sql;
        }
        if (d instanceof Rule r) {
            List<String> sql = new ArrayList<>();
            String definition = r.definition().strip();
            sql.add(definition.endsWith(";") ? definition.substring(0, definition.length() - 1) : definition);
            String state = firing(r.enabled());
            if (state != null) {
                sql.add("ALTER TABLE " + name(r.table()) + " " + state + " RULE " + ident(r.name()));
            }
            return sql;
        }
        if (d instanceof Statistics st) {
            List<String> sql = new ArrayList<>();
            sql.add(withKinds(st));
            if (st.target() >= 0) {
                sql.add("ALTER " + designation(o) + " SET STATISTICS " + st.target());
            }
            return sql;
        }
        if (d instanceof Collation c) {
            return List.of("CREATE " + designation(o) + " (" + String.join(", ", options(c)) + ")");
        }
        if (d instanceof Policy p) {
            String command = switch (p.command()) {
                case 'r' -> "SELECT";
                case 'a' -> "INSERT";
                case 'w' -> "UPDATE";
                case 'd' -> "DELETE";
                default -> "ALL";
            };
            return List.of("CREATE " + designation(o) + (p.permissive() ? "" : " AS RESTRICTIVE") + " FOR " + command
                    + " TO " + (p.roles().isEmpty() ? "PUBLIC"
                    : p.roles().stream().map(Sql::ident).collect(Collectors.joining(", ")))
                    + (p.using() != null ? " USING (" + p.using() + ")" : "")
                    + (p.check() != null ? " WITH CHECK (" + p.check() + ")" : ""));
        }
        if (d instanceof RowSecurity r) {
            List<String> sql = new ArrayList<>();
            if (r.enabled()) {
                sql.add("ALTER TABLE ONLY " + name(r.table()) + " ENABLE ROW LEVEL SECURITY");
            }
            if (r.forced()) {
                sql.add("ALTER TABLE ONLY " + name(r.table()) + " FORCE ROW LEVEL SECURITY");
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
        if (d instanceof Rule r) {
            return "RULE " + ident(r.name()) + " ON " + name(r.table());
        }
        if (d instanceof Statistics st) {
            return "STATISTICS " + name(st.name());
        }
        if (d instanceof Collation c) {
            return "COLLATION " + name(c.name());
        }
        if (d instanceof Policy p) {
            return "POLICY " + ident(p.name()) + " ON " + name(p.table());
        }
        if (d instanceof RowSecurity) {
            // Switches of a table, not an object: nothing owns, comments or drops them.
            return null;
        }
        throw new IllegalArgumentException("no designation is written for " + d.getClass().getSimpleName());
    }

    /**
     * A statistics object's definition with its kinds spelled out when a source before 12 left them out: there, no
     * kinds means ndistinct and dependencies, while 12 and later would add mcv.
     */
    private static String withKinds(Statistics st) {
        String head = "CREATE STATISTICS " + st.quotedName() + " ON ";
        if (!st.before12() || !st.definition().startsWith(head)) {
            return st.definition();
        }
        List<String> names = st.kinds().stream().map(k -> "d".equals(k) ? "ndistinct" : "dependencies").toList();
        return "CREATE STATISTICS " + st.quotedName() + " (" + String.join(", ", names) + ") ON "
                + st.definition().substring(head.length());
    }

    private static List<String> options(Collation c) {
        List<String> options = new ArrayList<>();
        // A 9.6 target (a 9.6 source copied to 9.6) knows no providers; libc is everyone's default.
        if (c.withProviders()) {
            options.add("provider = " + switch (c.provider()) {
                case 'i' -> "icu";
                case 'b' -> "builtin";
                default -> "libc";
            });
        }
        if (!c.deterministic()) {
            options.add("deterministic = false");
        }
        if (c.provider() == 'c') {
            if (java.util.Objects.equals(c.collate(), c.ctype())) {
                options.add("locale = " + literal(c.collate()));
            } else {
                options.add("lc_collate = " + literal(c.collate()));
                options.add("lc_ctype = " + literal(c.ctype()));
            }
        } else {
            options.add("locale = " + literal(c.locale() != null ? c.locale() : c.collate()));
        }
        if (c.rules() != null) {
            options.add("rules = " + literal(c.rules()));
        }
        return options;
    }

    /**
     * When a rule or an event trigger fires, from its catalog letter: D never (DISABLE), R on a replica only, A
     * always; null for O, the default, which needs no statement.
     */
    private static String firing(char enabled) {
        return switch (enabled) {
            case 'D' -> "DISABLE";
            case 'R' -> "ENABLE REPLICA";
            case 'A' -> "ENABLE ALWAYS";
            default -> null;
        };
    }

    private static String name(QualifiedName name) {
        return qualified(name.schema(), name.name());
    }
}
