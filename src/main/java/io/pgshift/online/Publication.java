package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgshift.catalog.Table;
import io.pgshift.sql.Sql;

/**
 * The publication on the source: every permanent table the copy takes, each named with ONLY so that a parent and
 * its children are each published once, as themselves. Partitions are published as the tables they are, which
 * works the same from PostgreSQL 10 on (publishing a partitioned table itself came with 13). Its comment records
 * what online mode changed on the source, so that {@code cutover} and {@code abort} can undo it from any machine.
 */
final class Publication {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the comment records.
     *
     * @param target               the target the source is copied into, as {@code ConnInfo.describe} shows it
     * @param fullIdentity         the tables, by OID, that online mode gave REPLICA IDENTITY FULL
     */
    record Marker(String target, List<Long> fullIdentity) {
        Marker {
            fullIdentity = fullIdentity == null ? List.of() : List.copyOf(fullIdentity);
        }
    }

    private Publication() {
    }

    static void create(Connection source, String name, List<Table> tables, Marker marker) throws SQLException {
        List<Table> published = tables.stream().filter(t -> t.hasRows() && t.persistence() == 'p').toList();
        String members = published.stream().map(t -> "ONLY " + Sql.qualified(t.schema(), t.name()))
                .collect(Collectors.joining(", "));
        Statements.execute(source, "CREATE PUBLICATION " + Sql.ident(name)
                + (members.isEmpty() ? "" : " FOR TABLE " + members));
        try {
            Statements.execute(source, "COMMENT ON PUBLICATION " + Sql.ident(name) + " IS "
                    + Sql.literal(JSON.writeValueAsString(marker)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Marker> marker(Connection source, String name) throws SQLException {
        Optional<String> comment = Statements.first(source, "SELECT coalesce(pg_catalog.obj_description(oid, "
                + "'pg_publication'), '') FROM pg_catalog.pg_publication WHERE pubname = ?", rs -> rs.getString(1),
                name);
        if (comment.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(comment.get(), Marker.class));
        } catch (JsonProcessingException e) {
            // Someone changed the comment: nothing is known to undo.
            return Optional.of(new Marker(null, List.of()));
        }
    }

    private static boolean drop(Connection source, String name) throws SQLException {
        boolean existed = Statements.first(source, "SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = ?",
                rs -> 1, name).isPresent();
        if (existed) {
            Statements.execute(source, "DROP PUBLICATION IF EXISTS " + Sql.ident(name));
        }
        return existed;
    }

    /**
     * Drops the publication, after giving the tables online mode made REPLICA IDENTITY FULL their default identity
     * back on the source and, when given, on the target.
     *
     * @return how many tables had their identity given back, or -1 when there was no publication
     */
    static int remove(Connection source, Connection target, String name) throws SQLException {
        Optional<Marker> found = marker(source, name);
        if (found.isEmpty()) {
            return -1;
        }
        List<String> tables = tablesByOid(source, found.get().fullIdentity());
        for (Connection c : target == null ? List.of(source) : List.of(source, target)) {
            for (String table : tables) {
                Statements.execute(c, "ALTER TABLE IF EXISTS " + table + " REPLICA IDENTITY DEFAULT");
            }
        }
        drop(source, name);
        return tables.size();
    }

    /** The qualified names of the tables given REPLICA IDENTITY FULL that still exist. */
    static List<String> tablesByOid(Connection connection, List<Long> oids) throws SQLException {
        List<String> names = new ArrayList<>();
        for (Long oid : oids) {
            Statements.first(connection, "SELECT pg_catalog.quote_ident(n.nspname) || '.' || "
                    + "pg_catalog.quote_ident(c.relname) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE c.oid::int8 = ?", rs -> rs.getString(1), oid)
                    .ifPresent(names::add);
        }
        return names;
    }
}
