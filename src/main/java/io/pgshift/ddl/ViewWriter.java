package io.pgshift.ddl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.View;
import io.pgshift.catalog.ViewColumn;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;
import io.pgshift.plan.Split;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.literal;
import static io.pgshift.sql.Sql.qualified;
import io.pgshift.sql.Privileges;
import io.pgshift.object.Kind;

/**
 * The entries of views and materialized views. A materialized view is created empty before the data,
 * like a table, and filled by REFRESH once the rows it reads are loaded, as pg_dump does; one that was
 * never populated on the source is left empty.
 */
final class ViewWriter {
    /**
     * The row count of a top-level FETCH FIRST, which servers before 16 print without the parentheses a cast in
     * it needs ({@code FETCH FIRST (5)::bigint ROWS WITH TIES} does not parse); parentheses are always allowed.
     */
    private static final Pattern FETCH_FIRST = Pattern.compile("(?m)^( FETCH FIRST )(.+)( ROWS (?:ONLY|WITH TIES))$");
    /** The settings pgshift's own sessions fix, which a refresh takes from the target server when not set. */
    private static final List<String> PINNED_SETTINGS = List.of("TimeZone", "DateStyle", "IntervalStyle");
    /** Settings that change what a query returns, which a refresh takes from the owner's and database's. */
    private static final List<String> RESULT_SETTINGS = List.of("TimeZone", "DateStyle", "IntervalStyle",
            "lc_monetary", "lc_numeric", "lc_time", "search_path", "default_text_search_config",
            "extra_float_digits", "bytea_output", "xmlbinary", "xmloption", "transform_null_equals", "array_nulls");
    /** What a view's placeholder needs besides the relations that give its columns' types: those types. */
    private static final Set<String> PLACEHOLDER_NEEDS = Set.of("pg_namespace", "pg_type", "pg_collation",
            "pg_extension", ObjectRef.SHELL_TYPE);
    private final DdlOptions options;
    /** The role that will create the views, which needs no ALTER ... OWNER TO; null if unknown. */
    private final String creator;
    private final Map<ObjectRef, Set<ObjectRef>> dependencies;
    private final BiFunction<ObjectRef, String, Set<ObjectRef>> dependsOn;
    private final Map<ObjectRef, View> views = new HashMap<>();

    /**
     * @param dependencies the catalog's dependency edges, by dependent object
     * @param dependsOn    an object's dependencies plus its schema, as the other entries get them
     */
    ViewWriter(List<View> views, DdlOptions options, String creator, Map<ObjectRef, Set<ObjectRef>> dependencies,
               BiFunction<ObjectRef, String, Set<ObjectRef>> dependsOn) {
        this.options = options;
        this.creator = creator;
        this.dependencies = dependencies;
        this.dependsOn = dependsOn;
        views.forEach(v -> this.views.put(v.ref(), v));
    }

    List<Entry> entries(View v) {
        List<Entry> entries = new ArrayList<>();
        entries.add(definition(v));
        if (v.materialized() && v.populated()) {
            entries.add(refresh(v));
        }
        return entries;
    }

    /**
     * The view's entry. A view can be split: created first with its columns and a query that reads nothing, then
     * given its real query, as pg_dump does. That breaks the loop of a view and a function that returns the
     * view's rows, used in the view's query.
     */
    private Entry definition(View v) {
        String name = qualified(v.schema(), v.name());
        Entry whole = definition(v, v.materialized() ? createMaterialized(v, name) : createView(v, name, false));
        // A view that selects from itself could be made so, but could never be queried, and pg_dump cannot
        // recreate it: it stays a loop, which the planner refuses by name.
        if (dependencies.getOrDefault(v.ref(), Set.of()).contains(v.ref())) {
            Set<ObjectRef> itself = new LinkedHashSet<>(whole.dependsOn());
            itself.add(v.ref());
            return whole.withDependsOn(itself);
        }
        if (v.materialized()) {
            return whole;
        }
        Entry first = definition(v, placeholder(v, name));
        Set<ObjectRef> typesOnly = new LinkedHashSet<>();
        for (ObjectRef ref : first.dependsOn()) {
            if (PLACEHOLDER_NEEDS.contains(ref.catalog()) || ref.catalog().equals("pg_class") && !views.containsKey(ref)) {
                typesOnly.add(ref);
            }
        }
        Set<ObjectRef> queryNeeds = new LinkedHashSet<>(whole.dependsOn());
        queryNeeds.add(v.ref());
        Entry query = new Entry(ObjectRef.definitionOf(v.oid()), Kind.VIEW, v.displayName(), Section.PRE_DATA,
                List.of(createView(v, name, true)), queryNeeds, null);
        return whole.withSplit(new Split(first.sql(), typesOnly, List.of(query)));
    }

    /** A view with the source view's columns, their types and collations, that reads nothing. */
    private static String placeholder(View v, String name) {
        List<String> columns = new ArrayList<>();
        for (ViewColumn c : v.columns()) {
            columns.add("NULL::" + c.type() + (c.collation() != null ? " COLLATE " + c.collation() : "") + " AS "
                    + ident(c.name()));
        }
        return "CREATE VIEW " + name + " AS\n SELECT " + String.join(",\n    ", columns);
    }

    private Entry definition(View v, String create) {
        String name = qualified(v.schema(), v.name());
        Kind kind = v.materialized() ? Kind.MATERIALIZED_VIEW : Kind.VIEW;
        List<String> sql = new ArrayList<>();
        sql.add(create);
        for (ViewColumn c : v.columns()) {
            if (c.defaultExpr() != null) {
                sql.add("ALTER VIEW " + name + " ALTER COLUMN " + ident(c.name()) + " SET DEFAULT " + c.defaultExpr());
            }
        }
        if (!options.noOwner() && v.owner() != null && !v.owner().equals(creator)) {
            sql.add("ALTER " + kind + " " + name + " OWNER TO " + ident(v.owner()));
        }
        comment(sql, kind + " " + name, v.comment());
        if (!options.noAcl()) {
            sql.addAll(Privileges.statements("TABLE " + name, v.owner(), v.acl(), !options.noOwner()));
        }
        for (ViewColumn c : v.columns()) {
            comment(sql, "COLUMN " + name + "." + ident(c.name()), c.comment());
            if (!options.noAcl()) {
                sql.addAll(Privileges.columnStatements("TABLE " + name, c.name(), c.acl()));
            }
        }
        return new Entry(v.ref(), kind, v.displayName(), Section.PRE_DATA, sql, dependsOn.apply(v.ref(), v.schema()),
                null, "DROP " + kind + " IF EXISTS " + name);
    }

    private static String createView(View v, String name, boolean replace) {
        return "CREATE " + (replace ? "OR REPLACE " : "") + "VIEW " + name + (v.options() != null ? " WITH (" + v.options() + ")" : "") + " AS\n"
                + query(v) + (v.checkOption() != null
                        ? "\n  WITH " + v.checkOption().toUpperCase(Locale.ROOT) + " CHECK OPTION" : "");
    }

    private static String createMaterialized(View v, String name) {
        return "CREATE MATERIALIZED VIEW " + name
                + (v.accessMethod() != null ? " USING " + ident(v.accessMethod()) : "")
                + (v.options() != null ? " WITH (" + v.options() + ")" : "")
                + (v.tablespace() != null ? " TABLESPACE " + ident(v.tablespace()) : "")
                + " AS\n" + query(v) + "\n  WITH NO DATA";
    }

    private static String query(View v) {
        String definition = v.definition().strip();
        definition = definition.endsWith(";") ? definition.substring(0, definition.length() - 1) : definition;
        return FETCH_FIRST.matcher(definition).replaceAll("$1($2)$3");
    }

    /**
     * Fills a materialized view once the rows it reads exist: those of the tables it reads, directly or
     * through views, and those of the materialized views it reads, which must be refreshed first.
     */
    private Entry refresh(View v) {
        Set<ObjectRef> deps = new LinkedHashSet<>();
        deps.add(v.ref());
        Set<ObjectRef> seen = new HashSet<>();
        Deque<ObjectRef> pending = new ArrayDeque<>(dependencies.getOrDefault(v.ref(), Set.of()));
        while (!pending.isEmpty()) {
            ObjectRef ref = pending.pop();
            if (!ref.catalog().equals("pg_class") || ref.equals(v.ref()) || !seen.add(ref)) {
                continue;
            }
            View read = views.get(ref);
            if (read != null && !read.materialized()) {
                pending.addAll(dependencies.getOrDefault(ref, Set.of()));
            } else {
                deps.add(ObjectRef.dataOf(ref.oid()));
            }
        }
        return new Entry(ObjectRef.dataOf(v.oid()), Kind.MATERIALIZED_VIEW_DATA, v.displayName(), Section.POST_DATA,
                List.of(refreshUnderItsSettings(v)), deps, v.ref());
    }

    /**
     * REFRESH under the settings the view's rows depend on, as a session of its owner in its database starts with
     * them: those its owner and database set (the source's ALTER ROLE and ALTER DATABASE ... SET), else the target
     * server's own. A view that keeps the rows of "today" holds other rows under another time zone. pgshift's
     * sessions pin the output formats and the time zone for COPY, so the settings are changed around the REFRESH
     * only, and put back after it, in one statement that works in a script as well.
     */
    static String refreshUnderItsSettings(View v) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String pinned : PINNED_SETTINGS) {
            chosen.put(pinned, null);
        }
        for (String setting : v.sessionSettings()) {
            int eq = setting.indexOf('=');
            String name = eq < 0 ? setting : setting.substring(0, eq);
            String canonical = RESULT_SETTINGS.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (canonical != null && eq >= 0) {
                chosen.put(canonical, setting.substring(eq + 1));
            }
        }
        List<String> names = List.copyOf(chosen.keySet());
        StringBuilder sql = new StringBuilder("DO $pgshift$\nDECLARE\n    saved text[] := ARRAY[");
        sql.append(String.join(", ", names.stream().map(n -> "pg_catalog.current_setting(" + literal(n) + ")")
                .toList())).append("];\nBEGIN\n");
        for (String name : names) {
            String value = chosen.get(name);
            String set = "PERFORM pg_catalog.set_config(" + literal(name) + ", " + (value != null ? literal(value)
                    : "(SELECT s.reset_val FROM pg_catalog.pg_settings s WHERE s.name = " + literal(name) + ")")
                    + ", false);\n";
            // Before 14 the server tells the client of every change of DateStyle at once, and pgjdbc gives up a
            // session whose DateStyle does not begin with ISO; from 14 it tells only the value a statement ends with.
            sql.append(name.equals("DateStyle")
                    ? "    IF pg_catalog.current_setting('server_version_num')::integer >= 140000 THEN\n        " + set
                            + "    END IF;\n"
                    : "    " + set);
        }
        sql.append("    REFRESH MATERIALIZED VIEW ").append(qualified(v.schema(), v.name())).append(";\n");
        for (int i = 0; i < names.size(); i++) {
            sql.append("    PERFORM pg_catalog.set_config(").append(literal(names.get(i))).append(", saved[")
                    .append(i + 1).append("], false);\n");
        }
        return sql.append("END\n$pgshift$").toString();
    }

    private static void comment(List<String> sql, String object, String comment) {
        if (comment != null) {
            sql.add("COMMENT ON " + object + " IS " + literal(comment));
        }
    }
}
