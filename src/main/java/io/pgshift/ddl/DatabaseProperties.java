package io.pgshift.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.pgshift.catalog.DatabaseInfo;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;

import static io.pgshift.sql.Sql.literal;
import io.pgshift.sql.Sql;
import io.pgshift.sql.Privileges;
import io.pgshift.object.Kind;

/**
 * Writes what is set on the database itself: ALTER DATABASE ... SET, connection limit, template flag,
 * comment, owner and privileges.
 *
 * <p>The target database may have another name than the source's, and a plan may be replayed into a
 * database of any name, so the statements never name it: each runs through {@code format()} with
 * {@code current_database()}. They run after everything else, because settings such as
 * default_transaction_read_only or default_tablespace would steer the sessions that create the rest.
 */
public final class DatabaseProperties {

    /** Stands for the database's name until the statement is wrapped; NUL never occurs in catalog text. */
    private static final String NAME = "\u0000";

    /** Settings whose value is a list of names, each quoted on its own (GUC_LIST_QUOTE in guc.c). */
    private static final Set<String> LIST_SETTINGS = Set.of("search_path", "temp_tablespaces",
            "session_preload_libraries", "local_preload_libraries", "shared_preload_libraries",
            "unix_socket_directories");

    private DatabaseProperties() {
    }

    public static Entry entry(DatabaseInfo db, DdlOptions options) {
        String database = "DATABASE " + NAME;
        List<String> sql = new ArrayList<>();
        for (String setting : db.settings()) {
            sql.add("ALTER " + database + " SET " + setting(setting));
        }
        if (db.connectionLimit() != -1) {
            sql.add("ALTER " + database + " CONNECTION LIMIT " + db.connectionLimit());
        }
        if (db.isTemplate()) {
            sql.add("ALTER " + database + " IS_TEMPLATE true");
        }
        if (db.comment() != null) {
            sql.add("COMMENT ON " + database + " IS " + literal(db.comment()));
        }
        if (!options.noOwner() && db.owner() != null) {
            sql.add("ALTER " + database + " OWNER TO " + Sql.ident(db.owner()));
        }
        if (!options.noAcl()) {
            sql.addAll(Privileges.statements(database, db.owner(), db.acl(), !options.noOwner()));
        }
        return new Entry(db.ref(), Kind.DATABASE_PROPERTIES, db.name(), Section.POST_DATA,
                sql.stream().map(DatabaseProperties::forCurrentDatabase).toList(), Set.of(), null);
    }

    /** {@code name TO value} from pg_db_role_setting's "name=value". */
    public static String setting(String nameEqualsValue) {
        int eq = nameEqualsValue.indexOf('=');
        String name = nameEqualsValue.substring(0, eq);
        String value = nameEqualsValue.substring(eq + 1);
        List<String> values = LIST_SETTINGS.contains(name.toLowerCase(Locale.ROOT))
                ? listElements(value) : List.of(value);
        return Sql.ident(name) + " TO " + String.join(", ", values.stream().map(Sql::literal).toList());
    }

    /** The elements of a list setting as the server stored them: comma-separated, each perhaps double-quoted. */
    static List<String> listElements(String value) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                elements.add(current.toString());
                current.setLength(0);
            } else if (!Character.isWhitespace(c)) {
                // Unquoted elements never hold white space: the server quotes every name that needs it.
                current.append(c);
            }
        }
        elements.add(current.toString());
        return elements;
    }

    /** Runs a statement that names the database through format('%I', current_database()). */
    static String forCurrentDatabase(String statement) {
        if (!statement.contains(NAME)) {
            return statement;
        }
        String format = statement.replace("%", "%%").replace(NAME, "%I");
        String body = "BEGIN EXECUTE pg_catalog.format(" + literal(format) + ", pg_catalog.current_database()); END";
        String tag = "$pgshift$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$pgshift" + i + "$";
        }
        return "DO " + tag + body + tag;
    }
}
