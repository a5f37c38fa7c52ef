package io.pgshift.connect;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resolved libpq connection: what psql would connect to for the same connection string and
 * environment. Immutable. Built by {@link #parse(String, Environment)}, opened by {@link #open()}.
 *
 * <p>Precedence, as in libpq: a value in the connection string, then its environment variable
 * (PGHOST, PGPORT, PGUSER, PGPASSWORD, ...), then the built-in default. The password comes from
 * the connection string, else PGPASSWORD, else the password file ({@code passfile}, else
 * PGPASSFILE, else {@code ~/.pgpass}), looked up with the resolved host, port, database and user.
 *
 * <p>Where pgshift cannot do what libpq does, it says so: see {@link #warnings()} for what was
 * ignored, and the parse errors for what cannot be honoured at all.
 *
 * <p>Resolving reads the password file and looks at which certificate files exist, as libpq does
 * when it connects; {@link #withDatabase(String)} resolves again.
 *
 * <p>The password never appears in {@link #toString()}, {@link #describe()}, the JDBC URL or any
 * exception message.
 */
public final class ConnInfo {

    /**
     * libpq's default host is its Unix-domain socket directory. pgjdbc cannot use Unix-domain
     * sockets without extra native libraries, so pgshift connects to localhost over TCP instead,
     * and refuses a host that names a socket directory (a value starting with '/' or '@').
     */
    static final String DEFAULT_HOST = "localhost";
    static final int DEFAULT_PORT = 5432;
    /** libpq waits forever by default; pgshift gives up after this many seconds per host. */
    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    /** Sent as application_name unless application_name or fallback_application_name is given. */
    static final String DEFAULT_APPLICATION_NAME = "pgshift";

    /** One server to try. At least one of host and hostaddr is set. */
    public record Host(String host, String hostaddr, int port) {
        public Host {
            if (host == null && hostaddr == null) {
                throw new IllegalArgumentException("host or hostaddr is required");
            }
        }

        /** What the user called the server: the host name, else the address. */
        public String name() {
            return host != null ? host : hostaddr;
        }

        /** Where the TCP connection goes: the address when given (no name lookup), else the host. */
        public String connectTo() {
            return hostaddr != null ? hostaddr : host;
        }

        /** {@code connectTo:port}, with an IPv6 literal in brackets: what pgjdbc is given. */
        String address() {
            return bracketed(connectTo()) + ":" + port;
        }

        /** {@code name:port}, with an IPv6 literal in brackets. */
        @Override
        public String toString() {
            return bracketed(name()) + ":" + port;
        }

        static String bracketed(String hostOrAddress) {
            return hostOrAddress.indexOf(':') >= 0 ? "[" + hostOrAddress + "]" : hostOrAddress;
        }
    }

    /** Kept for {@link #withDatabase(String)}, which resolves everything again. */
    private final Settings settings;
    private final Hosts hosts;
    private final String user;
    private final String dbname;
    private final boolean namesDatabase;
    private final Password password;
    private final SslConfig ssl;
    private final ConnectOptions connect;
    private final List<String> warnings;
    /** The role every session sets after logging in (pg_dump's --role), or null. */
    private final String role;
    /** How long a session waits for a lock before it fails (pg_dump's --lock-wait-timeout), or null: forever. */
    private final String lockTimeout;

    /**
     * Parses a libpq connection string, a {@code postgresql://} or {@code postgres://} URI or
     * {@code keyword=value} pairs, and resolves it against the environment like libpq does.
     * Null or empty means everything comes from the environment and the defaults.
     *
     * @throws PgShiftException {@link ErrorCode#USAGE} for a malformed string, an unknown keyword
     *                          or an invalid value, with libpq's wording where libpq has one
     */
    public static ConnInfo parse(String conninfo, Environment env) {
        return new ConnInfo(Settings.read(conninfo, env));
    }

    /**
     * As {@link #parse(String, Environment)}, with keyword values given one by one (a command line's host, port,
     * user and database flags) that replace the string's: libpq's keyword names ({@code host}, {@code port},
     * {@code user}, {@code dbname}, ...). A null or empty value replaces nothing. Secrets cannot be given this
     * way: a password belongs in the password file or PGPASSWORD, not among a process's arguments.
     *
     * @throws IllegalArgumentException for a name that is not a libpq keyword, or names a secret
     */
    public static ConnInfo parse(String conninfo, Map<String, String> overrides, Environment env) {
        Map<Keyword, String> byKeyword = new EnumMap<>(Keyword.class);
        overrides.forEach((name, value) -> {
            Keyword k = Keyword.of(name).orElseThrow(() -> new IllegalArgumentException("not a libpq keyword: " + name));
            if (k.secret) {
                throw new IllegalArgumentException(name + " cannot be given on its own");
            }
            byKeyword.put(k, value);
        });
        return new ConnInfo(Settings.read(conninfo, byKeyword, env));
    }

    /**
     * Whether libpq would read this database name as a whole connection string, as pg_dump's {@code -d} and
     * PQconnectdbParams' expand_dbname do: a URI, or anything with an '=' in it.
     */
    public static boolean isConnectionString(String dbname) {
        return dbname != null && (ConnStringParser.isUri(dbname) || dbname.indexOf('=') >= 0);
    }

    /** Parses with the real process environment. */
    public static ConnInfo parse(String conninfo) {
        return parse(conninfo, Environment.system());
    }

    /**
     * The same connection to another database (for instance the maintenance database
     * {@code postgres} on the target). The password file is searched again for the new database.
     */
    public ConnInfo withDatabase(String database) {
        if (database == null || database.isEmpty()) {
            throw new IllegalArgumentException("database name must not be empty");
        }
        return new ConnInfo(settings.withDatabase(database), role, lockTimeout);
    }

    /**
     * The same connection, each of whose sessions acts as the given role once logged in, as after pg_dump's and
     * pg_restore's {@code --role}: what it creates belongs to that role, and what it may read and do are that
     * role's. The role is set when the session starts (the server's {@code role} setting in the startup packet), so
     * that a {@code RESET ROLE}, which ends a grant made in another role's name, returns to it and not to the login
     * user. A login user that may not act as the role cannot connect.
     */
    public ConnInfo withRole(String sessionRole) {
        return new ConnInfo(settings, sessionRole == null || sessionRole.isEmpty() ? null : sessionRole, lockTimeout);
    }

    /**
     * The same connection, each of whose sessions waits at most this long for a lock (the server's
     * {@code lock_timeout}, a value such as {@code 5000} milliseconds or {@code 10s}), as pg_dump's
     * {@code --lock-wait-timeout}. pgshift otherwise turns a server's lock_timeout off in its sessions.
     */
    public ConnInfo withLockTimeout(String timeout) {
        return new ConnInfo(settings, role, timeout == null || timeout.isEmpty() ? null : timeout);
    }

    /** The role every session acts as, when one was given with {@link #withRole(String)}. */
    public Optional<String> role() {
        return Optional.ofNullable(role);
    }

    /** The role that owns what a session creates: the {@link #role()}, else the login user. */
    public String actingUser() {
        return role != null ? role : user;
    }

    /** The lock timeout of {@link #withLockTimeout(String)}, if any. */
    public Optional<String> lockTimeout() {
        return Optional.ofNullable(lockTimeout);
    }

    /** Opens a JDBC connection; see {@link Connector#open(ConnInfo)}. */
    public Connection open() {
        return Connector.open(this);
    }

    /**
     * Resolves in libpq's order, so that of several problems the one libpq reports comes first,
     * and the warnings come in a stable order.
     */
    private ConnInfo(Settings settings) {
        this(settings, null, null);
    }

    private ConnInfo(Settings settings, String role, String lockTimeout) {
        this.settings = settings;
        this.role = role;
        this.lockTimeout = lockTimeout;
        List<String> warn = new ArrayList<>();
        KeywordSupport.check(settings, warn);
        this.hosts = Hosts.resolve(settings);
        String u = settings.nonEmpty(Keyword.USER);
        if (u == null) {
            u = settings.env().osUser();
            if (u == null || u.isEmpty()) {
                throw Settings.usage("could not determine the operating system user name: give user=...");
            }
        }
        this.user = u;
        String db = settings.nonEmpty(Keyword.DBNAME);
        this.dbname = db != null ? db : u;
        this.namesDatabase = db != null;
        this.ssl = SslConfig.resolve(settings, warn);
        this.connect = ConnectOptions.resolve(settings);
        this.password = Password.find(settings, hosts, dbname, user, warn);
        this.warnings = List.copyOf(warn);
    }

    /** The servers to try, in order (libpq's host list; at least one). */
    public List<Host> hosts() {
        return hosts.list();
    }

    /**
     * Whether every server this connects to runs on this machine: a loopback name or address. Such a server
     * shares this machine's cores with the client and with any other local server.
     */
    public boolean onThisMachine() {
        return hosts().stream()
                .allMatch(h -> isLocal(h.hostaddr() != null && !h.hostaddr().isEmpty() ? h.hostaddr() : h.host()));
    }

    private static boolean isLocal(String host) {
        if (host == null || host.isEmpty()) {
            return true;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("[::1]");
    }

    /** The first server. */
    public Host host() {
        return hosts.list().get(0);
    }

    public String user() {
        return user;
    }

    public String dbname() {
        return dbname;
    }

    /**
     * Whether the string or PGDATABASE named a database; when neither did, {@link #dbname()} is libpq's default,
     * the user name, and whole-server commands take that to mean every database.
     */
    public boolean namesDatabase() {
        return namesDatabase;
    }

    /**
     * Whether the password was written in the connection string itself, where a command line shows it to every
     * user of the machine (the process list), rather than coming from PGPASSWORD or the password file.
     */
    public boolean passwordInConnectionString() {
        return settings.nonEmpty(Keyword.PASSWORD) != null && settings.fromString(Keyword.PASSWORD);
    }

    /** The password, if one was found. Handle with care: never log it. */
    public Optional<String> password() {
        return Optional.ofNullable(password.value());
    }

    /**
     * What was ignored or could not be used, one line each, for the user to see: an insecure
     * password file, an unusable client key, libpq settings pgjdbc cannot honour.
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * A libpq connection string that a server can use to reach this one, as a subscription's CONNECTION: the
     * hosts, ports, database, user, sslmode and password. Paths (client certificates, root certificates) are
     * left out, since they name files on this machine, not on the server that reads the string. It contains the
     * password: never log it.
     */
    public String libpqString() {
        StringBuilder b = new StringBuilder();
        StringBuilder hostNames = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        for (Host h : hosts.list()) {
            String name = h.host() != null && !h.host().isEmpty() ? h.host() : h.hostaddr();
            hostNames.append(hostNames.length() > 0 ? "," : "").append(name == null ? "" : name);
            ports.append(ports.length() > 0 ? "," : "").append(h.port());
        }
        appendValue(b, "host", hostNames.toString());
        appendValue(b, "port", ports.toString());
        appendValue(b, "dbname", dbname);
        appendValue(b, "user", user);
        appendValue(b, "sslmode", ssl.mode().toString());
        password().ifPresent(p -> appendValue(b, "password", p));
        return b.toString();
    }

    private static void appendValue(StringBuilder b, String keyword, String value) {
        if (b.length() > 0) {
            b.append(' ');
        }
        b.append(keyword).append("='").append(value.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
    }

    /**
     * {@code user@host:port/dbname}, hosts comma-separated, with {@code ?sslmode=...} appended
     * when the mode is not the default {@code prefer}. Never contains the password.
     */
    public String describe() {
        String s = user + "@" + hostList() + "/" + dbname;
        return ssl.mode() == SslMode.PREFER ? s : s + "?sslmode=" + ssl.mode();
    }

    // ---- the resolved details, for the connector and the tests ---------------------------------

    /** {@code host:port[,host:port...]}. */
    String hostList() {
        return hosts.describe();
    }

    SslConfig ssl() {
        return ssl;
    }

    ConnectOptions connectOptions() {
        return connect;
    }

    /** "the connection string", "PGPASSWORD" or "password file ...", when a password was found. */
    Optional<String> passwordSource() {
        return Optional.ofNullable(password.source());
    }

    /** The password file that is (or would be) searched when no password is given. */
    Optional<Path> passfile() {
        return Optional.ofNullable(password.passfile());
    }

    /** The password-file warning, if the file was ignored; quoted in authentication errors. */
    Optional<String> passfileWarning() {
        return Optional.ofNullable(password.passfileWarning());
    }

    SslMode sslMode() {
        return ssl.mode();
    }

    Optional<Path> sslRootCert() {
        return Optional.ofNullable(ssl.rootCert());
    }

    boolean sslRootCertExists() {
        return ssl.rootCertExists();
    }

    /** The client certificate that will be sent, if any. */
    Optional<Path> sslCert() {
        return Optional.ofNullable(ssl.client().cert());
    }

    Optional<String> sslNegotiation() {
        return Optional.ofNullable(ssl.negotiation());
    }

    String applicationName() {
        return connect.applicationName();
    }

    int connectTimeoutSeconds() {
        return connect.connectTimeoutSeconds();
    }

    Optional<String> options() {
        return Optional.ofNullable(connect.options());
    }

    TargetSessionAttrs targetSessionAttrs() {
        return connect.targetSessionAttrs();
    }

    boolean keepalives() {
        return connect.keepalives();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ConnInfo[").append(describe());
        for (Host h : hosts.list()) {
            if (h.hostaddr() != null && h.host() != null) {
                b.append(", hostaddr ").append(h.host()).append('=').append(h.hostaddr());
            }
        }
        b.append(", password=").append(password.value() == null ? "none" : "(from " + password.source() + ")");
        b.append(", application_name=").append(connect.applicationName());
        b.append(", connect_timeout=").append(connect.connectTimeoutSeconds());
        if (connect.targetSessionAttrs() != TargetSessionAttrs.ANY) {
            b.append(", target_session_attrs=").append(connect.targetSessionAttrs());
        }
        if (connect.options() != null) {
            b.append(", options=").append(connect.options());
        }
        if (role != null) {
            b.append(", role=").append(role);
        }
        if (lockTimeout != null) {
            b.append(", lock_timeout=").append(lockTimeout);
        }
        if (ssl.rootCertSystem()) {
            b.append(", sslrootcert=system");
        } else if (ssl.rootCertExists()) {
            b.append(", sslrootcert=").append(ssl.rootCert());
        }
        ClientCertificate client = ssl.client();
        if (client.cert() != null || client.key() != null) {
            b.append(", sslcert=").append(client.cert()).append(", sslkey=").append(client.key());
        }
        if (ssl.password() != null) {
            b.append(", sslpassword=(set)");
        }
        return b.append(']').toString();
    }
}
