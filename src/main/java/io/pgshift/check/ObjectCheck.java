package io.pgshift.check;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.Incompatibility;
import io.pgshift.catalog.SourceContext;
import io.pgshift.catalog.TableIncompatibilities;
import io.pgshift.catalog.TypeUsage;

/**
 * Objects of the source database that the target's version cannot take (errors), and columns whose values
 * survive only with care (warnings). The errors come from the same readers the copy consults before it writes
 * anything, so check and copy refuse the same things.
 */
final class ObjectCheck {
    /**
     * reg* types whose values name objects by something other than a relation, type, role or schema name. pg_upgrade
     * refuses them because their binary form is an oid; pgshift moves them as text, so the names are looked up
     * again on the target.
     */
    static final List<String> RISKY_REG_TYPES = List.of("regproc", "regprocedure", "regoper", "regoperator",
            "regconfig", "regdictionary", "regcollation");

    private static final int SQL_IDENTIFIER_BECAME_NAME_IN = 12;

    private ObjectCheck() {
    }

    static List<Finding> check(DatabasePair db) throws SQLException {
        SourceContext context = db.sourceContext();
        List<Incompatibility> all = new ArrayList<>(new CatalogReader(db.source(), db.sourceVersion()).incompatibilities());
        all.addAll(TableIncompatibilities.read(context));
        Map<String, List<Incompatibility>> byKind = new LinkedHashMap<>();
        for (Incompatibility i : all) {
            if (i.blocks(db.targetVersion())) {
                byKind.computeIfAbsent(i.kind(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Finding> found = new ArrayList<>();
        for (List<Incompatibility> same : byKind.values()) {
            Incompatibility first = same.get(0);
            String more = same.size() > 1 ? " (and " + (same.size() - 1) + " more of the same kind)" : "";
            found.add(FindingCode.of(first).error(db.name(), same.stream().map(Incompatibility::object).toList(),
                    first.object() + " " + first.problem() + more,
                    first.remedy() + (same.size() > 1 ? ", and the same for the others" : "")));
        }
        found.addAll(DependencyLoops.check(db));
        List<TypeUsage.ColumnUse> reg = TypeUsage.columns(context, "pg_catalog", RISKY_REG_TYPES);
        if (!reg.isEmpty()) {
            found.add(FindingCode.REG_TYPE_COLUMN.warning(db.name(), describe(reg), reg.size() + " column"
                    + (reg.size() == 1 ? " holds" : "s hold") + " reg* values other than regclass, regtype, regrole "
                    + "and regnamespace (such as " + reg.get(0).describe() + "), which pg_upgrade refuses; pgshift "
                    + "copies them as names, which the target looks up again",
                    "make sure the functions, operators, text search objects and collations they name exist on the "
                            + "target; a value naming an object that was dropped reads as a bare oid and would "
                            + "point at something else there"));
        }
        if (!db.sourceVersion().atLeast(SQL_IDENTIFIER_BECAME_NAME_IN)
                && db.targetVersion().atLeast(SQL_IDENTIFIER_BECAME_NAME_IN)) {
            List<TypeUsage.ColumnUse> identifiers = TypeUsage.columns(context, "information_schema",
                    List.of("sql_identifier"));
            if (!identifiers.isEmpty()) {
                found.add(FindingCode.SQL_IDENTIFIER_COLUMN.warning(db.name(), describe(identifiers),
                        identifiers.size() + " column" + (identifiers.size() == 1 ? " has" : "s have")
                                + " type information_schema.sql_identifier, which PostgreSQL 12 turned from a string "
                                + "into a name of at most 63 bytes: longer values are cut",
                        "change the column to text or varchar on the source (ALTER TABLE ... ALTER COLUMN ... TYPE "
                                + "text)"));
            }
        }
        return found;
    }

    private static List<String> describe(List<TypeUsage.ColumnUse> columns) {
        return columns.stream().map(TypeUsage.ColumnUse::describe).toList();
    }
}
