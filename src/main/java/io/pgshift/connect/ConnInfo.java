package io.pgshift.connect;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

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
    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 5432;
    /** libpq waits forever by default; pgshift gives up after this many seconds per host. */
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    /** Sent as application_name unless application_name or fallback_application_name is given. */
    public static final String DEFAULT_APPLICATION_NAME = "pgshift";

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

        /** {@code name:port}, with an IPv6 literal in brackets. */
        @Override
        public String toString() {
            return bracketed(name()) + ":" + port;
        }
    }

    private final Settings settings;

    private final Hosts hosts;
    private final String user;
    private final String dbname;
    private final String password;
    private final String passwordSource;
    private final String passfileWarning;
    private final Path passfile;
    private final SslMode sslMode;
    private final boolean sslRootCertSystem;
    private final Path sslRootCert;
    private final boolean sslRootCertExists;
    private final Path sslCert;
    private final Path sslKey;
    private final String sslClientCertProblem;
    private final String sslPassword;
    private final String sslNegotiation;
    private final String applicationName;
    private final int connectTimeoutSeconds;
    private final String options;
    private final TargetSessionAttrs targetSessionAttrs;
    private final boolean loadBalanceHosts;
    private final boolean keepalives;
    private final String channelBinding;
    private final String gssEncMode;
    private final String krbSrvName;
    private final String gssLib;
    private final List<String> warnings;

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
        return new ConnInfo(settings.withDatabase(database));
    }

    /** Opens a JDBC connection; see {@link Connector#open(ConnInfo)}. */
    public Connection open() {
        return Connector.open(this);
    }

    private ConnInfo(Settings settings) {
        this.settings = settings;
        List<String> warn = new ArrayList<>();

        refuseUnsupported(warn);
        for (Keyword k : List.of(Keyword.KEEPALIVES_IDLE, Keyword.KEEPALIVES_INTERVAL,
                Keyword.KEEPALIVES_COUNT, Keyword.TCP_USER_TIMEOUT)) {
            String v = settings.nonEmpty(k);
            if (v != null) {
                settings.parseInt(k, v); // validated like libpq, then left to the operating system defaults
            }
        }

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

        // ---- SSL
        String rootCertValue = settings.nonEmpty(Keyword.SSLROOTCERT);
        this.sslRootCertSystem = "system".equals(rootCertValue);
        String modeValue = settings.get(Keyword.SSLMODE);
        if (modeValue == null) {
            // libpq: sslrootcert=system strengthens the default to verify-full
            this.sslMode = sslRootCertSystem ? SslMode.VERIFY_FULL : SslMode.PREFER;
        } else {
            this.sslMode = SslMode.fromLibpqName(modeValue)
                    .orElseThrow(() -> settings.invalidValue(Keyword.SSLMODE, modeValue));
        }
        if (sslRootCertSystem && sslMode != SslMode.VERIFY_FULL) {
            throw Settings.usage("weak sslmode \"" + sslMode + "\" may not be used with sslrootcert=system"
                    + " (use \"verify-full\")");
        }
        Path home = settings.env().home();
        Path dotPostgresql = home == null ? null : home.resolve(".postgresql");
        if (sslRootCertSystem) {
            this.sslRootCert = null;
        } else if (rootCertValue != null) {
            this.sslRootCert = Path.of(rootCertValue);
        } else {
            this.sslRootCert = dotPostgresql == null ? null : dotPostgresql.resolve("root.crt");
        }
        this.sslRootCertExists = sslRootCert != null && Files.exists(sslRootCert);
        refuseRevocationLists();

        String negotiation = settings.get(Keyword.SSLNEGOTIATION);
        if (negotiation != null) {
            if (!negotiation.equals("postgres") && !negotiation.equals("direct")) {
                throw settings.invalidValue(Keyword.SSLNEGOTIATION, negotiation);
            }
            if (negotiation.equals("direct") && !sslMode.requiresEncryption()) {
                throw Settings.usage("weak sslmode \"" + sslMode + "\" may not be used with"
                        + " sslnegotiation=direct (use \"require\", \"verify-ca\", or \"verify-full\")");
            }
        }
        this.sslNegotiation = negotiation;
        checkTlsVersions(warn);

        String certMode = Objects.requireNonNullElse(settings.get(Keyword.SSLCERTMODE), "allow");
        if (!Set.of("disable", "allow", "require").contains(certMode)) {
            throw settings.invalidValue(Keyword.SSLCERTMODE, certMode);
        }
        if (certMode.equals("require")) {
            throw settings.notSupported(Keyword.SSLCERTMODE, "require",
                    "pgjdbc cannot tell whether the server asked for a client certificate");
        }
        Path[] certAndKey = new Path[2];
        this.sslClientCertProblem = resolveClientCertificate(certMode, dotPostgresql, certAndKey, warn);
        this.sslCert = certAndKey[0];
        this.sslKey = certAndKey[1];
        this.sslPassword = settings.nonEmpty(Keyword.SSLPASSWORD);

        // ---- other options
        String appName = settings.nonEmpty(Keyword.APPLICATION_NAME);
        String fallback = settings.nonEmpty(Keyword.FALLBACK_APPLICATION_NAME);
        this.applicationName = appName != null ? appName : fallback != null ? fallback : DEFAULT_APPLICATION_NAME;

        String timeout = settings.nonEmpty(Keyword.CONNECT_TIMEOUT);
        if (timeout == null) {
            this.connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
        } else {
            int t = settings.parseInt(Keyword.CONNECT_TIMEOUT, timeout);
            // libpq: zero or negative waits forever; 1 is taken as 2 (its minimum).
            this.connectTimeoutSeconds = t <= 0 ? 0 : Math.max(t, 2);
        }
        this.options = settings.nonEmpty(Keyword.OPTIONS);
        String tsa = settings.get(Keyword.TARGET_SESSION_ATTRS);
        this.targetSessionAttrs = tsa == null ? TargetSessionAttrs.ANY
                : TargetSessionAttrs.fromLibpqName(tsa).orElseThrow(() -> settings.invalidValue(Keyword.TARGET_SESSION_ATTRS, tsa));
        String lb = settings.get(Keyword.LOAD_BALANCE_HOSTS);
        if (lb != null && !lb.equals("disable") && !lb.equals("random")) {
            throw settings.invalidValue(Keyword.LOAD_BALANCE_HOSTS, lb);
        }
        this.loadBalanceHosts = "random".equals(lb);
        String ka = settings.nonEmpty(Keyword.KEEPALIVES);
        this.keepalives = ka == null || settings.parseInt(Keyword.KEEPALIVES, ka) != 0;
        this.channelBinding = settings.oneOf(Keyword.CHANNEL_BINDING, "disable", "prefer", "require");
        this.gssEncMode = settings.oneOf(Keyword.GSSENCMODE, "disable", "prefer", "require");
        this.krbSrvName = settings.nonEmpty(Keyword.KRBSRVNAME);
        this.gssLib = settings.nonEmpty(Keyword.GSSLIB);

        // ---- password: connection string > PGPASSWORD > password file
        String pw = settings.nonEmpty(Keyword.PASSWORD);
        String pf = settings.nonEmpty(Keyword.PASSFILE);
        this.passfile = pf != null ? Path.of(pf) : home == null ? null : home.resolve(".pgpass");
        String source = null;
        String passfileWarn = null;
        if (pw != null) {
            source = settings.fromString(Keyword.PASSWORD) ? "the connection string" : "PGPASSWORD";
        } else if (passfile != null) {
            PgPass pgpass = PgPass.load(passfile);
            passfileWarn = pgpass.warning().orElse(null);
            if (passfileWarn != null) {
                warn.add(passfileWarn);
            }
            Set<String> found = new LinkedHashSet<>();
            for (int i = 0; i < hosts.list().size(); i++) {
                pgpass.lookup(hosts.list().get(i).name(), hosts.passfilePorts().get(i), dbname, user)
                        .filter(p -> !p.isEmpty())
                        .ifPresent(found::add);
            }
            if (!found.isEmpty()) {
                pw = found.iterator().next();
                source = "password file \"" + passfile + "\"";
                if (found.size() > 1) {
                    warn.add("password file \"" + passfile + "\" has different passwords for the hosts "
                            + hostList() + "; pgjdbc takes one password, so the first host's is used for all");
                }
            }
        }
        this.password = pw;
        this.passwordSource = source;
        this.passfileWarning = passfileWarn;
        this.warnings = List.copyOf(warn);
    }

    // ---- accessors ---------------------------------------------------------------------------

    /** The servers to try, in order (libpq's host list; at least one). */
    public List<Host> hosts() {
        return hosts.list();
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

    /** The password, if one was found. Handle with care: never log it. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** Where the password came from ("the connection string", "PGPASSWORD", "password file ..."). */
    public Optional<String> passwordSource() {
        return Optional.ofNullable(passwordSource);
    }

    /** The password file that is (or would be) searched when no password is given. */
    public Optional<Path> passfile() {
        return Optional.ofNullable(passfile);
    }

    public SslMode sslMode() {
        return sslMode;
    }

    /** True for {@code sslrootcert=system}: the platform's trusted roots (Java's cacerts). */
    public boolean sslRootCertIsSystem() {
        return sslRootCertSystem;
    }

    /** The root certificate file: sslrootcert, else {@code ~/.postgresql/root.crt}; absent for "system". */
    public Optional<Path> sslRootCert() {
        return Optional.ofNullable(sslRootCert);
    }

    /** Whether {@link #sslRootCert()} exists (checked when parsed). */
    public boolean sslRootCertExists() {
        return sslRootCertExists;
    }

    /** The client certificate that will be sent, if any. */
    public Optional<Path> sslCert() {
        return Optional.ofNullable(sslCert);
    }

    /** The client key (PKCS#8 DER, or PKCS#12 {@code .p12}/{@code .pfx}) that will be used, if any. */
    public Optional<Path> sslKey() {
        return Optional.ofNullable(sslKey);
    }

    /** Why the configured client certificate cannot be used, when that makes connecting fail. */
    Optional<String> sslClientCertProblem() {
        return Optional.ofNullable(sslClientCertProblem);
    }

    /** The client key's passphrase, if given. Handle with care. */
    public Optional<String> sslPassword() {
        return Optional.ofNullable(sslPassword);
    }

    public Optional<String> sslNegotiation() {
        return Optional.ofNullable(sslNegotiation);
    }

    /** The application_name to send: application_name, else fallback_application_name, else "pgshift". */
    public String applicationName() {
        return applicationName;
    }

    /** Seconds to wait for each host; 0 means forever (libpq's meaning of 0 and negative values). */
    public int connectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    /** The server command-line options ({@code options}, PGOPTIONS), if any. */
    public Optional<String> options() {
        return Optional.ofNullable(options);
    }

    public TargetSessionAttrs targetSessionAttrs() {
        return targetSessionAttrs;
    }

    /** {@code load_balance_hosts=random}. */
    public boolean loadBalanceHosts() {
        return loadBalanceHosts;
    }

    /** TCP keepalives (libpq's {@code keepalives}, default on). */
    public boolean keepalives() {
        return keepalives;
    }

    public Optional<String> channelBinding() {
        return Optional.ofNullable(channelBinding);
    }

    public Optional<String> gssEncMode() {
        return Optional.ofNullable(gssEncMode);
    }

    public Optional<String> krbSrvName() {
        return Optional.ofNullable(krbSrvName);
    }

    public Optional<String> gssLib() {
        return Optional.ofNullable(gssLib);
    }

    /**
     * What was ignored or could not be used, one line each, for the user to see: an insecure
     * password file, an unusable client key, libpq settings pgjdbc cannot honour.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** The password-file warning, if the file was ignored; quoted in authentication errors. */
    Optional<String> passfileWarning() {
        return Optional.ofNullable(passfileWarning);
    }

    /**
     * {@code user@host:port/dbname}, hosts comma-separated, with {@code ?sslmode=...} appended
     * when the mode is not the default {@code prefer}. Never contains the password.
     */
    public String describe() {
        String s = user + "@" + hostList() + "/" + dbname;
        return sslMode == SslMode.PREFER ? s : s + "?sslmode=" + sslMode;
    }

    /** {@code host:port[,host:port...]}. */
    public String hostList() {
        return hosts.describe();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ConnInfo[").append(describe());
        for (Host h : hosts.list()) {
            if (h.hostaddr() != null && h.host() != null) {
                b.append(", hostaddr ").append(h.host()).append('=').append(h.hostaddr());
            }
        }
        b.append(", password=").append(password == null ? "none" : "(from " + passwordSource + ")");
        b.append(", application_name=").append(applicationName);
        b.append(", connect_timeout=").append(connectTimeoutSeconds);
        if (targetSessionAttrs != TargetSessionAttrs.ANY) {
            b.append(", target_session_attrs=").append(targetSessionAttrs);
        }
        if (options != null) {
            b.append(", options=").append(options);
        }
        if (sslRootCertSystem) {
            b.append(", sslrootcert=system");
        } else if (sslRootCertExists) {
            b.append(", sslrootcert=").append(sslRootCert);
        }
        if (sslCert != null || sslKey != null) {
            b.append(", sslcert=").append(sslCert).append(", sslkey=").append(sslKey);
        }
        if (sslPassword != null) {
            b.append(", sslpassword=(set)");
        }
        return b.append(']').toString();
    }

    // ---- resolution helpers ------------------------------------------------------------------

    private void refuseUnsupported(List<String> warn) {
        for (Keyword k : settings.keywords()) {
            if (k.support != Keyword.Support.UNSUPPORTED || settings.get(k).isEmpty()
                    || k == Keyword.SSLCRL || k == Keyword.SSLCRLDIR) { // see refuseRevocationLists
                continue;
            }
            if (k == Keyword.SERVICE && !settings.fromString(k)) {
                warn.add("PGSERVICE is set, but pgshift does not read pg_service.conf; it is ignored"
                        + " (give the connection settings explicitly)");
                continue;
            }
            String why = switch (k) {
                case SERVICE -> "pgshift does not read pg_service.conf; give the settings explicitly";
                case REQUIRE_AUTH -> "pgjdbc cannot restrict the authentication methods";
                case REPLICATION -> "pgshift does not use replication connections";
                case SSLKEYLOGFILE -> "pgjdbc cannot write TLS key logs";
                case MIN_PROTOCOL_VERSION, MAX_PROTOCOL_VERSION ->
                        "pgjdbc chooses the protocol version itself";
                default -> "pgjdbc has no equivalent";
            };
            throw settings.notSupported(k, why);
        }
    }

    /**
     * libpq checks a revocation list whenever it verifies the server certificate; pgjdbc cannot,
     * and quietly accepting a revoked certificate is not an option. Without verification the
     * list does not matter, so it is then accepted (and ignored) as in libpq.
     */
    private void refuseRevocationLists() {
        boolean verifies = sslMode.verifiesCertificate() || (sslMode == SslMode.REQUIRE && sslRootCertExists);
        if (!verifies) {
            return;
        }
        for (Keyword k : List.of(Keyword.SSLCRL, Keyword.SSLCRLDIR)) {
            if (settings.nonEmpty(k) != null) {
                throw settings.notSupported(k, "pgjdbc cannot check certificate revocation lists");
            }
        }
    }

    private void checkTlsVersions(List<String> warn) {
        String min = settings.nonEmpty(Keyword.SSL_MIN_PROTOCOL_VERSION);
        String max = settings.nonEmpty(Keyword.SSL_MAX_PROTOCOL_VERSION);
        List<String> known = List.of("tlsv1", "tlsv1.1", "tlsv1.2", "tlsv1.3");
        if (min != null && !known.contains(min.toLowerCase(Locale.ROOT))) {
            throw settings.invalidValue(Keyword.SSL_MIN_PROTOCOL_VERSION, min);
        }
        if (max != null && !known.contains(max.toLowerCase(Locale.ROOT))) {
            throw settings.invalidValue(Keyword.SSL_MAX_PROTOCOL_VERSION, max);
        }
        if (min != null && max != null
                && known.indexOf(min.toLowerCase(Locale.ROOT)) > known.indexOf(max.toLowerCase(Locale.ROOT))) {
            throw Settings.usage("invalid SSL protocol version range");
        }
        if (min != null && min.equalsIgnoreCase("TLSv1.3")) {
            throw settings.notSupported(Keyword.SSL_MIN_PROTOCOL_VERSION, "TLSv1.3",
                    "pgjdbc cannot require TLS 1.3 (Java already refuses anything older than TLS 1.2)");
        }
        // A lower minimum is met anyway: Java's default TLS floor is 1.2, libpq's default too.
        if (max != null) {
            warn.add("ssl_max_protocol_version=" + max + " is ignored: pgjdbc negotiates the newest TLS"
                    + " version both sides support");
        }
    }

    /**
     * Decides which client certificate and key pgjdbc gets, like libpq: the certificate is
     * sslcert, else {@code ~/.postgresql/postgresql.crt}, and is simply not sent when missing;
     * when it exists the key must exist too. pgjdbc 42.7 reads keys only as PKCS#8 DER or PKCS#12,
     * so the default key is {@code postgresql.pk8} when present, else libpq's
     * {@code postgresql.key}. Returns the problem that must fail the connection, if any.
     */
    private String resolveClientCertificate(String certMode, Path dotPostgresql, Path[] out,
            List<String> warn) {
        if (sslMode == SslMode.DISABLE || certMode.equals("disable")) {
            return null;
        }
        String certValue = settings.nonEmpty(Keyword.SSLCERT);
        String keyValue = settings.nonEmpty(Keyword.SSLKEY);
        if (keyValue != null && (keyValue.endsWith(".p12") || keyValue.endsWith(".pfx"))) {
            // pgjdbc's extension: one PKCS#12 file holds certificate and key.
            out[1] = Path.of(keyValue);
            return null;
        }
        Path cert = certValue != null ? Path.of(certValue)
                : dotPostgresql == null ? null : dotPostgresql.resolve("postgresql.crt");
        if (cert == null || !Files.exists(cert)) {
            return null; // libpq: no certificate file, no client certificate
        }
        Path key;
        if (keyValue != null) {
            key = Path.of(keyValue);
        } else if (dotPostgresql == null) {
            key = null;
        } else {
            Path pk8 = dotPostgresql.resolve("postgresql.pk8");
            key = Files.exists(pk8) ? pk8 : dotPostgresql.resolve("postgresql.key");
        }
        String problem = null;
        if (key == null) {
            problem = "certificate present, but no private key file (no home directory; give sslkey=...)";
        } else if (!Files.exists(key)) {
            problem = "certificate present, but not private key file \"" + key + "\"";
        } else if (isPem(key)) {
            String hint = "private key file \"" + key + "\" is PEM, which pgjdbc 42.7 cannot read:"
                    + " convert it with \"openssl pkcs8 -topk8 -inform PEM -outform DER -in " + key
                    + " -out postgresql.pk8\" (add -nocrypt for a key without passphrase) and use sslkey=...pk8";
            if (keyValue == null) {
                // The default location, written for psql: do not fail a connection that may well
                // not need a client certificate; say why none is sent.
                warn.add("client certificate \"" + cert + "\" is not sent: " + hint);
                return null;
            }
            problem = hint;
        } else {
            problem = keyPermissionProblem(key);
        }
        if (problem != null) {
            if (!sslMode.requiresEncryption()) {
                // libpq would fail the SSL attempt and (prefer) fall back to a plain connection.
                warn.add("client certificate \"" + cert + "\" is not sent: " + problem);
                return null;
            }
            return problem;
        }
        if (sslRootCertSystem) {
            warn.add("client certificate \"" + cert + "\" is not sent: with sslrootcert=system pgshift"
                    + " uses Java's default SSL context");
            return null;
        }
        out[0] = cert;
        out[1] = key;
        return null;
    }

    private static boolean isPem(Path key) {
        try (InputStream in = Files.newInputStream(key)) {
            byte[] head = in.readNBytes(64);
            return new String(head, StandardCharsets.US_ASCII).contains("-----BEGIN");
        } catch (IOException e) {
            return false; // let pgjdbc report the unreadable file
        }
    }

    /** libpq's rule: 0600 or less, or 0640 or less when owned by root. */
    private static String keyPermissionProblem(Path key) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(key);
            Set<PosixFilePermission> extra = EnumSet.copyOf(perms);
            extra.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (extra.isEmpty()) {
                return null;
            }
            boolean rootOwned = "root".equals(Files.getOwner(key).getName());
            if (rootOwned && extra.equals(EnumSet.of(PosixFilePermission.GROUP_READ))) {
                return null;
            }
            return "private key file \"" + key + "\" has group or world access; file must have"
                    + " permissions u=rw (0600) or less if owned by the current user, or permissions"
                    + " u=rw,g=r (0640) or less if owned by root";
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    static String bracketed(String hostOrAddress) {
        return hostOrAddress.indexOf(':') >= 0 ? "[" + hostOrAddress + "]" : hostOrAddress;
    }
}
