package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.Table;

/**
 * Everything the source needs before online mode writes anything to it, checked at once, so that one run names
 * every missing prerequisite with its fix. A table that cannot be published refuses the start: once a table is in a
 * publication that publishes updates and deletes, the source itself refuses an UPDATE or DELETE on it when it has
 * no replica identity, which would stop the application.
 */
final class SourceReadiness {
    /** The tables that need REPLICA IDENTITY FULL, when the user allowed it. */
    record Ready(List<Table> needFullIdentity) {
    }

    private SourceReadiness() {
    }

    static Ready check(Connection source, ServerVersion version, String where, List<Table> tables,
                       boolean replicaIdentityFull, String name, Consumer<String> warnings) throws SQLException {
        if (!version.atLeast(10)) {
            throw new PgShiftException(ErrorCode.ONLINE_NOT_READY, "the source " + where + " runs PostgreSQL "
                    + version + ", which has no logical replication of its own (pgoutput came with PostgreSQL 10): "
                    + "copy it offline, without --online");
        }
        Provider provider = Provider.of(source);
        String user = Statements.text(source, "SELECT current_user");
        List<String> problems = new ArrayList<>();
        String walLevel = Statements.text(source, "SELECT pg_catalog.current_setting('wal_level')");
        if (!"logical".equals(walLevel)) {
            problems.add("wal_level is " + walLevel + ", and online mode needs logical: " + provider.walLevelFix());
        }
        if (Statements.first(source, "SELECT 1 FROM pg_catalog.pg_replication_slots WHERE slot_name = ?",
                rs -> 1, name).isPresent()) {
            problems.add("an online copy of this database exists already (replication slot " + name
                    + "): follow it with pgshift status, or remove it with pgshift abort");
        }
        int freeSlots = Integer.parseInt(Statements.text(source, "SELECT pg_catalog.current_setting("
                + "'max_replication_slots')::int - (SELECT count(*) FROM pg_catalog.pg_replication_slots)"));
        if (freeSlots < 1) {
            problems.add("no replication slot is free (max_replication_slots is used up): drop an unused slot, or "
                    + provider.restartSetting("max_replication_slots"));
        }
        int freeSenders = Integer.parseInt(Statements.text(source, "SELECT pg_catalog.current_setting("
                + "'max_wal_senders')::int - (SELECT count(*) FROM pg_catalog.pg_stat_replication)"));
        if (freeSenders < 1) {
            problems.add("no WAL sender is free (max_wal_senders is used up): "
                    + provider.restartSetting("max_wal_senders"));
        }
        if (!mayReplicate(source, provider)) {
            problems.add(user + " may not replicate (it has neither REPLICATION nor superuser): "
                    + provider.replicationFix(user));
        }
        List<Table> published = tables.stream().filter(t -> t.hasRows() && t.persistence() == 'p').toList();
        Map<Long, Identity> identities = identities(source, published);
        List<String> noIdentity = new ArrayList<>();
        List<Table> needFull = new ArrayList<>();
        List<String> notOwned = new ArrayList<>();
        for (Table t : published) {
            Identity identity = identities.get(t.oid());
            if (identity == null) {
                continue;
            }
            if (!identity.owned()) {
                notOwned.add(t.displayName() + " (owner " + t.owner() + ")");
            }
            if (!identity.identifiesRows()) {
                if (replicaIdentityFull) {
                    needFull.add(t);
                } else {
                    noIdentity.add(t.displayName());
                }
            }
        }
        if (!noIdentity.isEmpty()) {
            problems.add(count(noIdentity.size(), "table") + " cannot be followed, having neither a primary key nor "
                    + "a replica identity: " + names(noIdentity) + "; give them a primary key or REPLICA IDENTITY "
                    + "USING INDEX, or give --replica-identity-full (each UPDATE and DELETE then writes the whole "
                    + "old row to the WAL, and the target finds the row by reading the table)");
        }
        if (!notOwned.isEmpty()) {
            problems.add(user + " does not own " + count(notOwned.size(), "table") + ", and only a table's owner "
                    + "may add it to a publication: " + names(notOwned) + "; GRANT each owner TO " + user);
        }
        if (!problems.isEmpty()) {
            throw new PgShiftException(ErrorCode.ONLINE_NOT_READY, "online mode cannot start on the source "
                    + where + ": " + String.join("; ", problems));
        }
        List<String> unlogged = tables.stream().filter(t -> t.hasRows() && t.persistence() == 'u')
                .map(Table::displayName).toList();
        if (!unlogged.isEmpty()) {
            warnings.accept("changes to " + count(unlogged.size(), "unlogged table") + " are not replicated, as "
                    + "PostgreSQL never logs them: " + names(unlogged) + " keep the rows of the snapshot");
        }
        long largeObjects = Long.parseLong(Statements.text(source,
                "SELECT count(*) FROM pg_catalog.pg_largeobject_metadata"));
        if (largeObjects > 0) {
            warnings.accept("logical replication does not carry large objects: the source's "
                    + count(largeObjects, "large object") + " are copied now and again at the cutover");
        }
        if (version.atLeast(13)) {
            String keep = Statements.text(source, "SELECT pg_catalog.current_setting('max_slot_wal_keep_size')");
            if (keep != null && !keep.equals("-1")) {
                warnings.accept("max_slot_wal_keep_size is " + keep + " on the source: if the follow falls "
                        + "further behind than that, the server gives up the slot and the online copy must start "
                        + "again");
            }
        }
        return new Ready(List.copyOf(needFull));
    }

    /** REPLICATION, superuser, or on RDS the rds_replication role, which the service checks instead. */
    private static boolean mayReplicate(Connection source, Provider provider) throws SQLException {
        String sql = "SELECT rolsuper OR rolreplication" + (provider.isRds()
                ? " OR (EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'rds_replication')"
                        + " AND pg_catalog.pg_has_role('rds_replication', 'MEMBER'))" : "")
                + " FROM pg_catalog.pg_roles WHERE rolname = current_user";
        return "t".equals(Statements.text(source, sql));
    }

    private record Identity(boolean identifiesRows, boolean owned) {
    }

    private static Map<Long, Identity> identities(Connection source, List<Table> tables) throws SQLException {
        Map<Long, Identity> out = new HashMap<>();
        if (tables.isEmpty()) {
            return out;
        }
        Long[] oids = tables.stream().map(Table::oid).toArray(Long[]::new);
        java.sql.Array array = source.createArrayOf("int8", oids);
        for (Object[] row : Statements.rows(source, "SELECT c.oid::int8, CASE c.relreplident"
                + " WHEN 'f' THEN true"
                + " WHEN 'd' THEN EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid"
                + " AND i.indisprimary)"
                + " WHEN 'i' THEN EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid"
                + " AND i.indisreplident)"
                + " ELSE false END, pg_catalog.pg_has_role(c.relowner, 'USAGE')"
                + " FROM pg_catalog.pg_class c WHERE c.oid::int8 = ANY (?)",
                rs -> new Object[] {rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3)}, array)) {
            out.put((Long) row[0], new Identity((Boolean) row[1], (Boolean) row[2]));
        }
        return out;
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The first names of a list, so that a message stays one line. */
    static String names(List<String> names) {
        int shown = Math.min(5, names.size());
        String list = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? list + " and " + (names.size() - shown) + " more" : list;
    }
}
