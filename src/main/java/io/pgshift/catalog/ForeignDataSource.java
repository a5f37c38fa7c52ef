package io.pgshift.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pgshift.object.Section;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.literal;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Foreign data wrappers, foreign servers and user mappings. A user mapping's options often hold a
 * password: it is the user's data and is copied, but it appears only in the statement, never in a name
 * that could end up in a message.
 */
final class ForeignDataSource implements ObjectSource {

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        List<ObjectDef> objects = new ArrayList<>();
        objects.addAll(wrappers(context));
        objects.addAll(servers(context));
        objects.addAll(userMappings(context));
        return objects;
    }

    private static List<ObjectDef> wrappers(SourceContext context) throws SQLException {
        return context.list("""
                SELECT w.oid, w.fdwname, pg_catalog.pg_get_userbyid(w.fdwowner) AS owner,
                       %s AS handler, %s AS validator, w.fdwoptions,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = w.oid AND cmt.classoid = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment, %s AS acl
                FROM pg_catalog.pg_foreign_data_wrapper w
                WHERE %s
                ORDER BY w.fdwname""".formatted(FunctionNames.of("w.fdwhandler"), FunctionNames.of("w.fdwvalidator"),
                        SourceContext.aclJson("w.fdwacl", 'F', "w.fdwowner"),
                        SourceContext.notExtensionMember("pg_foreign_data_wrapper", "w.oid")),
                rs -> {
                    String name = "FOREIGN DATA WRAPPER " + ident(rs.getString("fdwname"));
                    String handler = FunctionNames.qualified(rs, "handler");
                    String validator = FunctionNames.qualified(rs, "validator");
                    String create = "CREATE " + name + (handler != null ? " HANDLER " + handler : "")
                            + (validator != null ? " VALIDATOR " + validator : "") + options(rs.getArray("fdwoptions"));
                    return ObjectDef.of(ObjectRef.of("pg_foreign_data_wrapper", rs.getLong("oid")),
                            Kind.FOREIGN_DATA_WRAPPER, null, rs.getString("fdwname"), name, Section.PRE_DATA,
                            List.of(create)).withOwner(rs.getString("owner")).withComment(rs.getString("comment"))
                            .withAcl(null, rs.getString("acl"));
                });
    }

    private static List<ObjectDef> servers(SourceContext context) throws SQLException {
        return context.list("""
                SELECT s.oid, s.srvname, pg_catalog.pg_get_userbyid(s.srvowner) AS owner, w.fdwname,
                       s.srvtype, s.srvversion, s.srvoptions,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = s.oid AND cmt.classoid = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment, %s AS acl
                FROM pg_catalog.pg_foreign_server s
                JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
                WHERE %s
                ORDER BY s.srvname""".formatted(SourceContext.aclJson("s.srvacl", 'S', "s.srvowner"),
                        SourceContext.notExtensionMember("pg_foreign_server", "s.oid")),
                rs -> {
                    String name = ident(rs.getString("srvname"));
                    String type = rs.getString("srvtype");
                    String version = rs.getString("srvversion");
                    String create = "CREATE SERVER " + name + (type != null ? " TYPE " + literal(type) : "")
                            + (version != null ? " VERSION " + literal(version) : "") + " FOREIGN DATA WRAPPER "
                            + ident(rs.getString("fdwname")) + options(rs.getArray("srvoptions"));
                    return ObjectDef.of(ObjectRef.of("pg_foreign_server", rs.getLong("oid")), Kind.SERVER, null,
                            rs.getString("srvname"), "SERVER " + name, Section.PRE_DATA, List.of(create))
                            .withOwner(rs.getString("owner")).withComment(rs.getString("comment"))
                            .withAcl("FOREIGN SERVER " + name, rs.getString("acl"));
                });
    }

    /**
     * pg_user_mappings shows the options to whoever may see them (a superuser, the server's owner, the
     * mapped user); pg_user_mapping itself is readable only by superusers.
     */
    private static List<ObjectDef> userMappings(SourceContext context) throws SQLException {
        return context.list("""
                SELECT u.umid, u.srvid, u.srvname, u.umuser, u.usename, u.umoptions
                FROM pg_catalog.pg_user_mappings u
                WHERE %s
                ORDER BY u.srvname, u.usename""".formatted(
                        SourceContext.notExtensionMember("pg_foreign_server", "u.srvid")),
                rs -> {
                    String user = rs.getLong("umuser") == 0 ? "PUBLIC" : ident(rs.getString("usename"));
                    String designation = "USER MAPPING FOR " + user + " SERVER " + ident(rs.getString("srvname"));
                    ObjectRef server = ObjectRef.of("pg_foreign_server", rs.getLong("srvid"));
                    return ObjectDef.of(ObjectRef.of("pg_user_mapping", rs.getLong("umid")), Kind.USER_MAPPING, null,
                            (rs.getLong("umuser") == 0 ? "PUBLIC" : rs.getString("usename")) + " on "
                                    + rs.getString("srvname"), designation, Section.PRE_DATA,
                            List.of("CREATE " + designation + options(rs.getArray("umoptions"))))
                            .withDependencies(Set.of(server));
                });
    }

    /** {@code OPTIONS (name 'value', ...)}, one option a line, from a "name=value" array; "" for none. */
    static String options(Array options) throws SQLException {
        return options(options, ",\n    ", "\n    ", "\n");
    }

    /** {@code OPTIONS (name 'value', ...)} on one line, for a column definition; "" for none. */
    static String inlineOptions(Array options) throws SQLException {
        return options(options, ", ", "", "");
    }

    private static String options(Array options, String separator, String start, String end) throws SQLException {
        if (options == null) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (String option : (String[]) options.getArray()) {
            int eq = option.indexOf('=');
            items.add(ident(option.substring(0, eq)) + " " + literal(option.substring(eq + 1)));
        }
        return items.isEmpty() ? "" : " OPTIONS (" + start + String.join(separator, items) + end + ")";
    }
}
