package io.pgshift.roles;

import java.util.ArrayList;
import java.util.List;

import io.pgshift.ddl.DatabaseProperties;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.literal;

/** The text of every role statement, for a live target and for a script that must run either way. */
final class RoleSql {
    private RoleSql() {
    }

    /**
     * The clauses of CREATE ROLE / ALTER ROLE: attribute keywords, CONNECTION LIMIT, VALID UNTIL, then the
     * password, as the verifier itself or masked.
     */
    static String clauses(List<String> words, Verifier password, boolean reveal) {
        List<String> all = new ArrayList<>(words);
        if (password != null) {
            all.add("PASSWORD " + (reveal ? password.literal() : literal(Verifier.MASK)));
        }
        return String.join(" ", all);
    }

    static String create(String role, String clauses) {
        return "CREATE ROLE " + ident(role) + (clauses.isEmpty() ? "" : " WITH " + clauses);
    }

    static String alter(String role, String clauses) {
        return "ALTER ROLE " + ident(role) + " WITH " + clauses;
    }

    /**
     * For a script: create the role if it is missing, then set its attributes, unless it is the user running the
     * script or the target's bootstrap superuser, whose attributes are left alone so the session keeps its powers.
     * An error is raised again with its message only: PL/pgSQL's context line would quote the statement, verifier
     * included.
     */
    static String scriptDefinition(String role, String clauses) {
        String name = literal(role);
        String body = """
                BEGIN
                    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = %1$s) THEN
                        CREATE ROLE %2$s;
                    END IF;
                    IF current_user = %1$s OR EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = %1$s AND oid = 10) THEN
                        RAISE WARNING 'pgshift: role %% connects or is the bootstrap superuser: its attributes are left as they are', %1$s;
                    ELSE
                        %3$s;
                    END IF;
                EXCEPTION WHEN OTHERS THEN
                    RAISE EXCEPTION USING ERRCODE = SQLSTATE, MESSAGE = 'pgshift: role ' || %1$s || ': ' || SQLERRM;
                END
                """.formatted(name, ident(role), alter(role, clauses));
        return doBlock(body);
    }

    static String comment(String role, String comment) {
        return "COMMENT ON ROLE " + ident(role) + " IS " + literal(comment);
    }

    /** ALTER ROLE ... [IN DATABASE ...] SET, from pg_db_role_setting's "name=value". */
    static String setting(String role, String database, String nameEqualsValue) {
        return "ALTER ROLE " + ident(role) + (database == null ? "" : " IN DATABASE " + ident(database))
                + " SET " + DatabaseProperties.setting(nameEqualsValue);
    }

    /** For a script: a database's role settings, applied when the database exists by the time the script runs. */
    static String scriptDatabaseSettings(DatabaseRoleSetting s) {
        StringBuilder body = new StringBuilder("BEGIN\n    IF EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = ")
                .append(literal(s.database())).append(") THEN\n");
        for (String setting : s.settings()) {
            body.append("        ").append(setting(s.role(), s.database(), setting)).append(";\n");
        }
        body.append("    ELSE\n        RAISE WARNING 'pgshift: database % does not exist yet: settings of role % in it "
                + "left out; run this script again once it does', ").append(literal(s.database())).append(", ")
                .append(literal(s.role())).append(";\n    END IF;\nEND\n");
        return doBlock(body.toString());
    }

    /**
     * GRANT role TO member. {@code options} says whether the 16+ grant options are written (the source knows them
     * and the target takes them); otherwise only ADMIN OPTION, and the member's INHERIT attribute decides, as it
     * did on the source.
     */
    static String grant(Membership m, String grantor) {
        StringBuilder sql = new StringBuilder("GRANT ").append(ident(m.role())).append(" TO ").append(ident(m.member()));
        if (m.inherit() != null && m.set() != null) {
            sql.append(" WITH ADMIN ").append(m.admin() ? "TRUE" : "FALSE")
                    .append(", INHERIT ").append(m.inherit() ? "TRUE" : "FALSE")
                    .append(", SET ").append(m.set() ? "TRUE" : "FALSE");
        } else if (m.admin()) {
            sql.append(" WITH ADMIN OPTION");
        }
        if (grantor != null) {
            sql.append(" GRANTED BY ").append(ident(grantor));
        }
        return sql.toString();
    }

    static String grantParameter(ParameterGrant g) {
        return "GRANT " + String.join(", ", g.privileges()) + " ON PARAMETER " + ident(g.parameter()) + " TO "
                + (g.grantee() == null ? "PUBLIC" : ident(g.grantee())) + (g.grantable() ? " WITH GRANT OPTION" : "");
    }

    /** DO with a dollar quote that the body does not contain. */
    static String doBlock(String body) {
        String tag = "$pgshift$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$pgshift" + i + "$";
        }
        return "DO " + tag + "\n" + body + tag;
    }
}
