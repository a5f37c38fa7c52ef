package io.pgshift.catalog.types;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;
import io.pgshift.object.Kind;

/**
 * Enum types. Labels are listed in their sort order (pg_enum.enumsortorder), which is not the order of their
 * oids once values were added BEFORE or AFTER others; a new type gets the same order from the list.
 */
final class EnumTypes {
    private EnumTypes() {
    }

    static List<ObjectDef> read(SourceContext context) throws SQLException {
        return context.list("""
                SELECT %s,
                       ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
                             WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
                %s
                ORDER BY t.oid""".formatted(TypeHeader.COLUMNS, TypeHeader.from("t.typtype = 'e'")),
                rs -> {
                    TypeHeader type = TypeHeader.read(rs);
                    return type.definition(Kind.TYPE, type.ref(), List.of(create(type, Names.texts(rs, "labels"))));
                });
    }

    static String create(TypeHeader type, String[] labels) {
        List<String> literals = new ArrayList<>();
        for (String label : labels) {
            literals.add("\n    " + Sql.literal(label));
        }
        return "CREATE TYPE " + type.qualifiedName() + " AS ENUM (" + String.join(",", literals)
                + (labels.length > 0 ? "\n" : "") + ")";
    }
}
