package io.pgshift.ddl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the ownership, privilege and comment statements that pgshift writes apart from the rest, so a restore can
 * leave them out (--no-owner, --no-acl, --no-comments) without the dump having to be made again.
 */
public final class StatementKinds {
    private StatementKinds() {
    }

    /** {@code ALTER <object> OWNER TO <role>}, as {@link DdlWriter} writes it: one line, nothing after the role. */
    public static boolean isOwnership(String sql) {
        sql = unwrapped(sql);
        return sql.startsWith("ALTER ") && sql.indexOf('\n') < 0 && sql.matches("ALTER .+ OWNER TO (\"[^\"]*(\"\"[^\"]*)*\"|[a-z_][a-z0-9_$]*)");
    }

    private static final Pattern ROLE_AT_END = Pattern.compile(
            "(?:ALTER .+ OWNER TO |SET ROLE )(\"[^\"]*(?:\"\"[^\"]*)*\"|[a-z_][a-z0-9_$]*)");

    /**
     * The role a statement needs the session to act as: the new owner of {@code ALTER ... OWNER TO}, or the role
     * of {@code SET ROLE} (a grant made in another role's name); null for any other statement.
     */
    public static String actingRole(String sql) {
        sql = unwrapped(sql);
        if (sql.indexOf('\n') >= 0) {
            return null;
        }
        Matcher m = ROLE_AT_END.matcher(sql);
        if (!m.matches()) {
            return null;
        }
        String role = m.group(1);
        return role.startsWith("\"") ? role.substring(1, role.length() - 1).replace("\"\"", "\"") : role;
    }

    /**
     * The statement a database property runs for whatever database it is replayed in (see
     * {@link DatabaseProperties}): {@code ALTER DATABASE %I OWNER TO x} out of its DO block, as if for a database
     * named {@code %I}; any other statement as it is.
     */
    static String unwrapped(String sql) {
        String start = "BEGIN EXECUTE pg_catalog.format('";
        String end = "', pg_catalog.current_database()); END";
        int from = sql.indexOf(start);
        int to = sql.lastIndexOf(end);
        if (!sql.startsWith("DO $pgshift") || from < 0 || to < from) {
            return sql;
        }
        return sql.substring(from + start.length(), to).replace("''", "'").replace("%%", "%");
    }

    /** {@code COMMENT ON ...}, a database's own among them (written inside a DO block). */
    public static boolean isComment(String sql) {
        return unwrapped(sql).startsWith("COMMENT ON ");
    }

    /** GRANT and REVOKE, and the role switches around a grant made by someone other than the owner. */
    public static boolean isPrivilege(String sql) {
        sql = unwrapped(sql);
        return sql.startsWith("GRANT ") || sql.startsWith("REVOKE ") || sql.startsWith("SET ROLE ")
                || sql.equals("RESET ROLE")
                // Dumps made before SET ROLE replaced it.
                || sql.startsWith("SET SESSION AUTHORIZATION ") || sql.equals("RESET SESSION AUTHORIZATION");
    }
}
