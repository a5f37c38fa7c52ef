package io.pgshift.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.object.Section;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.literal;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Subscriptions of the source database (PostgreSQL 10 on), written as pg_dump writes them: with
 * {@code connect = false}, so that the copy neither connects to the publisher nor creates a slot, and the
 * subscription arrives disabled, pointing at its slot by name. Replicating again is the user's decision: ALTER
 * SUBSCRIPTION ... ENABLE, once the publisher's slot is there for this copy. Only a superuser can read a
 * subscription's connection string; for anyone else they are left behind with a warning ({@link SourceWarnings}).
 */
final class SubscriptionSource implements ObjectSource {

    /** Whether the session may read subscriptions' connection strings: a superuser's may. */
    static boolean readable(SourceContext context) throws SQLException {
        return context.version().atLeast(10) && context.list(
                "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user",
                rs -> rs.getBoolean(1)).stream().findFirst().orElse(false);
    }

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        if (!readable(context)) {
            return List.of();
        }
        ServerVersion v = context.version();
        return context.list("""
                SELECT s.oid, s.subname, pg_catalog.pg_get_userbyid(s.subowner) AS owner, s.subconninfo,
                       s.subslotname, s.subsynccommit, s.subpublications,
                       %s AS binary, %s AS streaming, %s AS two_phase, %s AS disable_on_error,
                       %s AS password_required, %s AS run_as_owner, %s AS origin, %s AS failover,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = s.oid AND cmt.classoid = 'pg_catalog.pg_subscription'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_subscription s
                WHERE s.subdbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
                  AND %s
                ORDER BY s.subname""".formatted(
                        v.atLeast(14) ? "s.subbinary" : "false",
                        v.atLeast(16) ? "s.substream::text" : v.atLeast(14) ? "CASE WHEN s.substream THEN 't' ELSE 'f' END" : "''",
                        v.atLeast(15) ? "s.subtwophasestate <> 'd'" : "false",
                        v.atLeast(15) ? "s.subdisableonerr" : "false",
                        v.atLeast(16) ? "s.subpasswordrequired" : "true",
                        v.atLeast(16) ? "s.subrunasowner" : "false",
                        v.atLeast(16) ? "s.suborigin" : "'any'",
                        v.atLeast(17) ? "s.subfailover" : "false",
                        PublicationSource.notOnlineMode("s.subname")),
                rs -> {
                    String name = ident(rs.getString("subname"));
                    String create = "CREATE SUBSCRIPTION " + name + " CONNECTION " + literal(rs.getString("subconninfo"))
                            + " PUBLICATION " + String.join(", ", publications(rs)) + " WITH (" + String.join(", ",
                            options(rs)) + ")";
                    return ObjectDef.of(ObjectRef.of("pg_subscription", rs.getLong("oid")), Kind.SUBSCRIPTION, null,
                                    rs.getString("subname"), "SUBSCRIPTION " + name, Section.POST_DATA, List.of(create))
                            .withOwner(rs.getString("owner")).withComment(rs.getString("comment"));
                });
    }

    private static List<String> publications(ResultSet rs) throws SQLException {
        List<String> names = new ArrayList<>();
        for (String p : Queries.strings(rs.getArray("subpublications"))) {
            names.add(ident(p));
        }
        return names;
    }

    /** pg_dump's options: no connection now, and every setting that is not the default. */
    private static List<String> options(ResultSet rs) throws SQLException {
        List<String> options = new ArrayList<>();
        options.add("connect = false");
        String slot = rs.getString("subslotname");
        options.add("slot_name = " + (slot == null ? "NONE" : literal(slot)));
        if (rs.getBoolean("binary")) {
            options.add("binary = true");
        }
        // Written out whenever the source knows it (14+): the default changed from off to parallel in 18.
        switch (rs.getString("streaming") == null ? "" : rs.getString("streaming")) {
            case "t" -> options.add("streaming = on");
            case "p" -> options.add("streaming = parallel");
            case "f" -> options.add("streaming = off");
            default -> {
                // A source before 14, which has no streaming, nor can its targets be told of it.
            }
        }
        if (rs.getBoolean("two_phase")) {
            options.add("two_phase = on");
        }
        if (rs.getBoolean("disable_on_error")) {
            options.add("disable_on_error = true");
        }
        if (!rs.getBoolean("password_required")) {
            options.add("password_required = false");
        }
        if (rs.getBoolean("run_as_owner")) {
            options.add("run_as_owner = true");
        }
        if (!"any".equalsIgnoreCase(rs.getString("origin"))) {
            options.add("origin = " + literal(rs.getString("origin")));
        }
        if (rs.getBoolean("failover")) {
            options.add("failover = true");
        }
        String syncCommit = rs.getString("subsynccommit");
        if (syncCommit != null && !"off".equals(syncCommit)) {
            options.add("synchronous_commit = " + literal(syncCommit));
        }
        return options;
    }
}
