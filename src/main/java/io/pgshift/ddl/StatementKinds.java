package io.pgshift.ddl;

/**
 * Tells the ownership and privilege statements that pgshift writes apart from the rest, so a restore can
 * leave them out (--no-owner, --no-acl) without the dump having to be made again.
 */
public final class StatementKinds {
    private StatementKinds() {
    }

    /** {@code ALTER <object> OWNER TO <role>}, as {@link DdlWriter} writes it: one line, nothing after the role. */
    public static boolean isOwnership(String sql) {
        return sql.startsWith("ALTER ") && sql.indexOf('\n') < 0 && sql.matches("ALTER .+ OWNER TO (\"[^\"]*(\"\"[^\"]*)*\"|[a-z_][a-z0-9_$]*)");
    }

    /** GRANT and REVOKE, and the role switches around a grant made by someone other than the owner. */
    public static boolean isPrivilege(String sql) {
        return sql.startsWith("GRANT ") || sql.startsWith("REVOKE ") || sql.startsWith("SET ROLE ")
                || sql.equals("RESET ROLE")
                // Dumps made before SET ROLE replaced it.
                || sql.startsWith("SET SESSION AUTHORIZATION ") || sql.equals("RESET SESSION AUTHORIZATION");
    }
}
