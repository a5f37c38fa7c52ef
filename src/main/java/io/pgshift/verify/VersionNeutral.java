package io.pgshift.verify;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import io.pgshift.object.Kind;

/**
 * Rewrites the statements pgshift writes for an object so that two servers of different versions can be
 * compared: the same object reads differently when the catalog it comes from is older. Each rule names the
 * version difference it covers; nothing else is touched.
 */
final class VersionNeutral {
    /**
     * Objects whose definition the server itself prints (pg_get_viewdef, pg_get_ruledef), in a form that
     * changes between major versions: a view over one table loses its column qualification in 16, for one.
     * Between different majors these are compared by presence only.
     */
    static final Set<Kind> DEPARSED = EnumSet.of(Kind.VIEW, Kind.MATERIALIZED_VIEW, Kind.RULE);

    private record Rule(String why, UnaryOperator<String> rewrite) {
    }

    private static final Pattern NUMBERED_NOT_NULL = Pattern.compile(
            " CONSTRAINT (\"(?:[^\"]|\"\")*_not_null\\d+\"|[a-z0-9_$]*_not_null\\d+) NOT NULL");
    private static final Pattern DOMAIN_NOT_NULL =
            Pattern.compile("(?:\\s+CONSTRAINT (?:\"(?:[^\"]|\"\")+\"|\\S+))?\\s+NOT NULL(?=\\s|;|$)");

    private static final List<Rule> RULES = List.of(
            new Rule("before 10 every sequence is bigint, and none says so",
                    sql -> sql.replaceFirst("^(CREATE (UNLOGGED )?SEQUENCE .+?) AS bigint START WITH ", "$1 START WITH ")),
            new Rule("before 10 libc is the only collation provider, and none says so",
                    sql -> sql.replace("(provider = libc, ", "(")),
            new Rule("from 14 every range has a multirange; one whose name was derived, not chosen, is named only "
                    + "by newer servers (as the last option, when no other follows the subtype, with the comma "
                    + "before it)", sql -> sql.replaceAll("\\n\\s+multirange_type_name = [^\\n]*multirange[^\\n]*,", "")
                            .replaceAll(",\\n\\s+multirange_type_name = [^\\n]*multirange[^\\n]*(?=\\n\\))", "")),
            new Rule("servers before 11 name an operator's function PROCEDURE, later ones FUNCTION",
                    sql -> sql.replaceFirst("(?m)^(\\s+)PROCEDURE = ", "$1FUNCTION = ")),
            new Rule("from 17 a domain's NOT NULL is a named constraint; before, it is a bare NOT NULL",
                    VersionNeutral::domainNotNull),
            new Rule("from 18 a column's NOT NULL is a named constraint; a copy from an older server gets the "
                    + "names the target picks, numbered where two columns' default names meet (a_b.c and a.b_c)",
                    sql -> NUMBERED_NOT_NULL.matcher(sql).replaceAll(" NOT NULL")),
            new Rule("a subscription from 14 on says streaming = off, which servers before 14, without streaming, "
                    + "cannot say", sql -> sql.startsWith("CREATE SUBSCRIPTION ")
                    ? sql.replaceFirst(", streaming = off\\)", ")") : sql),
            new Rule("servers before 11 print EXECUTE PROCEDURE in a trigger, later ones EXECUTE FUNCTION",
                    sql -> sql.replace(" EXECUTE PROCEDURE ", " EXECUTE FUNCTION ")));

    private VersionNeutral() {
    }

    static String of(String sql) {
        String result = sql;
        for (Rule r : RULES) {
            result = r.rewrite().apply(result);
        }
        return result;
    }

    private static String domainNotNull(String sql) {
        if (!sql.startsWith("CREATE DOMAIN ")) {
            return sql;
        }
        int end = sql.indexOf(";\n");
        String create = end < 0 ? sql : sql.substring(0, end);
        String rest = end < 0 ? "" : sql.substring(end);
        String stripped = DOMAIN_NOT_NULL.matcher(create).replaceAll("");
        return stripped.equals(create) ? sql : stripped + " NOT NULL" + rest;
    }
}
