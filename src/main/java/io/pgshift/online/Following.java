package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;

import io.pgshift.ErrorCode;
import io.pgshift.Errors;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connections;
import io.pgshift.connect.Connector;

/**
 * A view of one online copy from both servers, for {@code pgshift status}: it holds a session on each and reads
 * the lag as often as asked. The state lives on the servers, so this works from any machine, and after the
 * {@code copy --online} that started it was killed.
 */
public final class Following implements AutoCloseable {
    private final Connection source;
    private final Connection target;
    private final StatusReader reader;

    private Following(Connection source, Connection target, StatusReader reader) {
        this.source = source;
        this.target = target;
        this.reader = reader;
    }

    /** @throws PgShiftException ONLINE_NOT_READY when no online copy of the source database exists */
    public static Following open(ConnInfo source, ConnInfo target) {
        Connection s = Connector.open(source);
        Connection t = null;
        try {
            t = Connector.open(target);
            StatusReader reader = new StatusReader(Sessions.name(s));
            reader.read(s, t);
            return new Following(s, t, reader);
        } catch (SQLException e) {
            Connections.closeQuietly(s);
            Connections.closeQuietly(t);
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not read the online copy's state: "
                    + Errors.firstLine(e), e);
        } catch (RuntimeException e) {
            Connections.closeQuietly(s);
            Connections.closeQuietly(t);
            throw e;
        }
    }

    public FollowStatus read() {
        try {
            return reader.read(source, target);
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not read the online copy's state: "
                    + Errors.firstLine(e), e);
        }
    }

    @Override
    public void close() {
        Connections.closeQuietly(source);
        Connections.closeQuietly(target);
    }
}
