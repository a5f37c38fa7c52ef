package io.pgshift.connect;

import io.pgshift.PgShiftException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens pgjdbc connections for a {@link ConnInfo} so that they behave as libpq would, and turns
 * every failure into one {@link PgShiftException} line that names the server. How libpq's settings
 * become pgjdbc's is decided in {@link PgjdbcProperties} and {@link SslProperties}; how failures
 * are worded, in {@link ConnectErrors}.
 */
public final class Connector {

    private Connector() {
    }

    /**
     * Opens a connection.
     *
     * @throws PgShiftException CONNECTION, AUTHENTICATION, SSL or DATABASE_NOT_FOUND, with the
     *                          driver's exception as cause
     */
    public static Connection open(ConnInfo info) {
        return open(info, jdbcProperties(info));
    }

    /**
     * Opens a connection for scripts: strings of many statements without parameters, as schema batches and
     * restores send. pgjdbc then sends each string as one simple Query, as psql does, instead of four
     * extended-protocol messages and replies per statement; on a schema of thousands of tables those were
     * a sixth of the time. Parameters still work, written into the statement by the driver.
     *
     * @throws PgShiftException as {@link #open(ConnInfo)}
     */
    public static Connection openForScripts(ConnInfo info) {
        Properties props = jdbcProperties(info);
        props.setProperty("preferQueryMode", "simple");
        return open(info, props);
    }

    /**
     * Opens a logical replication connection to the database ({@code replication=database}): the one kind of
     * session that can create a logical slot together with a snapshot other sessions import. Replication
     * commands are sent as simple queries, so the session speaks the simple protocol only.
     *
     * @throws PgShiftException as {@link #open(ConnInfo)}
     */
    public static Connection openReplication(ConnInfo info) {
        Properties props = jdbcProperties(info);
        props.setProperty("replication", "database");
        props.setProperty("preferQueryMode", "simple");
        props.setProperty("assumeMinServerVersion", "10");
        return open(info, props);
    }

    private static Connection open(ConnInfo info, Properties props) {
        try {
            return OpenSessions.register(DriverManager.getConnection(jdbcUrl(info), props));
        } catch (SQLException e) {
            throw translate(e, info);
        } finally {
            props.clear(); // the password
        }
    }

    /**
     * {@code jdbc:postgresql://host:port[,host:port...]/dbname}: hosts (or hostaddr addresses)
     * and the database only, URL-encoded. Never a password or any other setting.
     */
    public static String jdbcUrl(ConnInfo info) {
        return PgjdbcProperties.url(info);
    }

    /**
     * The pgjdbc properties, the password included: do not log them.
     *
     * @throws PgShiftException SSL, when the SSL settings cannot work (a missing root certificate
     *                          for verify-ca / verify-full, an unusable client key)
     */
    public static Properties jdbcProperties(ConnInfo info) {
        return PgjdbcProperties.of(info);
    }

    /**
     * One line for the user, naming the server; the SQLException stays as the cause. Neither the
     * message nor the added hints contain the password.
     */
    public static PgShiftException translate(SQLException e, ConnInfo info) {
        return ConnectErrors.translate(e, info);
    }
}
