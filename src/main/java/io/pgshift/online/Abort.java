package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.pgshift.ErrorCode;
import io.pgshift.Errors;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connections;

/**
 * {@code pgshift abort}: removes everything online mode made for one database, on both servers, whatever state it
 * is in: the subscription on the target, the slot and the publication on the source, and the REPLICA IDENTITY FULL
 * it gave tables. The target keeps the rows it holds. Each removal is tried even when another fails, and what could
 * not be removed is said.
 */
public final class Abort {
    /**
     * @param removed  what was removed, in words
     * @param problems what could not be removed, with the reason
     */
    public record Result(String name, List<String> removed, List<String> problems) {
    }

    private Abort() {
    }

    public static Result run(ConnInfo source, ConnInfo target) {
        String name;
        try (Connection s = Sessions.writer(source)) {
            name = Sessions.name(s);
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "abort: " + Errors.firstLine(e), e);
        }
        List<String> removed = new ArrayList<>();
        List<String> problems = remove(source, target, name, removed);
        return new Result(name, removed, problems);
    }

    /** Removes what a failed start made; returns what could not be removed. */
    static List<String> removeAll(ConnInfo source, ConnInfo target, String name) {
        return remove(source, target, name, new ArrayList<>());
    }

    private static List<String> remove(ConnInfo source, ConnInfo target, String name, List<String> removed) {
        List<String> problems = new ArrayList<>();
        Optional<Connection> t = Optional.empty();
        try {
            t = Sessions.targetIfExists(target);
            if (t.isPresent() && Subscription.drop(t.get(), name)) {
                removed.add("subscription " + name + " on the target");
            }
        } catch (SQLException | RuntimeException e) {
            problems.add("could not drop subscription " + name + " on the target " + target.describe() + ": "
                    + Errors.firstLine(e));
        }
        try (Connection s = Sessions.writer(source)) {
            try {
                if (Slot.drop(s, name, Duration.ofSeconds(30))) {
                    removed.add("replication slot " + name + " on the source");
                }
            } catch (SQLException | RuntimeException e) {
                problems.add("could not drop replication slot " + name + " on the source " + source.describe()
                        + ": " + Errors.firstLine(e) + "; until it is dropped, it keeps WAL on the source's disk");
            }
            try {
                int identities = Publication.remove(s, t.orElse(null), name);
                if (identities > 0) {
                    removed.add("REPLICA IDENTITY FULL of " + SourceReadiness.count(identities, "table"));
                }
                if (identities >= 0) {
                    removed.add("publication " + name + " on the source");
                }
            } catch (SQLException | RuntimeException e) {
                problems.add("could not drop publication " + name + " on the source " + source.describe() + ": "
                        + Errors.firstLine(e));
            }
        } catch (SQLException | RuntimeException e) {
            problems.add("could not reach the source " + source.describe() + " to drop replication slot and "
                    + "publication " + name + ": " + Errors.firstLine(e));
        } finally {
            t.ifPresent(Connections::closeQuietly);
        }
        return problems;
    }
}
