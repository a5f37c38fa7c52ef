package io.pgshift.connect;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every connection keyword libpq (up to PostgreSQL 18) accepts, with its environment variable and
 * what pgshift does with it. A keyword that is not here is an error, as in libpq.
 */
enum Keyword {
    SERVICE("service", "PGSERVICE", Support.UNSUPPORTED, false),
    USER("user", "PGUSER", Support.SUPPORTED, false),
    PASSWORD("password", "PGPASSWORD", Support.SUPPORTED, true),
    PASSFILE("passfile", "PGPASSFILE", Support.SUPPORTED, false),
    CHANNEL_BINDING("channel_binding", "PGCHANNELBINDING", Support.SUPPORTED, false),
    CONNECT_TIMEOUT("connect_timeout", "PGCONNECT_TIMEOUT", Support.SUPPORTED, false),
    DBNAME("dbname", "PGDATABASE", Support.SUPPORTED, false),
    HOST("host", "PGHOST", Support.SUPPORTED, false),
    HOSTADDR("hostaddr", "PGHOSTADDR", Support.SUPPORTED, false),
    PORT("port", "PGPORT", Support.SUPPORTED, false),
    /** pgjdbc always talks UTF8 and hands Java strings over; the client encoding cannot matter. */
    CLIENT_ENCODING("client_encoding", "PGCLIENTENCODING", Support.IGNORED, false),
    OPTIONS("options", "PGOPTIONS", Support.SUPPORTED, false),
    APPLICATION_NAME("application_name", "PGAPPNAME", Support.SUPPORTED, false),
    FALLBACK_APPLICATION_NAME("fallback_application_name", null, Support.SUPPORTED, false),
    KEEPALIVES("keepalives", null, Support.SUPPORTED, false),
    /** Set on each socket by {@link KeepaliveSocketFactory}, as TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT. */
    KEEPALIVES_IDLE("keepalives_idle", null, Support.SUPPORTED, false),
    KEEPALIVES_INTERVAL("keepalives_interval", null, Support.SUPPORTED, false),
    KEEPALIVES_COUNT("keepalives_count", null, Support.SUPPORTED, false),
    /**
     * Java has no socket option for TCP_USER_TIMEOUT: it is validated, then a warning says it is not applied;
     * keepalives and pgshift's --stall-timeout end a connection that stopped answering.
     */
    TCP_USER_TIMEOUT("tcp_user_timeout", null, Support.IGNORED, false),
    SSLMODE("sslmode", "PGSSLMODE", Support.SUPPORTED, false),
    SSLNEGOTIATION("sslnegotiation", "PGSSLNEGOTIATION", Support.SUPPORTED, false),
    /** Modern servers and TLS libraries never compress; libpq itself ignores it nowadays. */
    SSLCOMPRESSION("sslcompression", "PGSSLCOMPRESSION", Support.IGNORED, false),
    SSLCERT("sslcert", "PGSSLCERT", Support.SUPPORTED, false),
    SSLKEY("sslkey", "PGSSLKEY", Support.SUPPORTED, false),
    SSLKEYLOGFILE("sslkeylogfile", "PGSSLKEYLOGFILE", Support.UNSUPPORTED, false),
    SSLCERTMODE("sslcertmode", "PGSSLCERTMODE", Support.SUPPORTED, false),
    SSLPASSWORD("sslpassword", null, Support.SUPPORTED, true),
    SSLROOTCERT("sslrootcert", "PGSSLROOTCERT", Support.SUPPORTED, false),
    /** pgjdbc cannot check revocation lists; ignoring one would accept revoked certificates. */
    SSLCRL("sslcrl", "PGSSLCRL", Support.UNSUPPORTED, false),
    SSLCRLDIR("sslcrldir", "PGSSLCRLDIR", Support.UNSUPPORTED, false),
    /** Java sends SNI for host names by itself. */
    SSLSNI("sslsni", "PGSSLSNI", Support.IGNORED, false),
    /** Only meaningful for Unix-domain sockets, which pgshift never uses; libpq ignores it for TCP. */
    REQUIREPEER("requirepeer", "PGREQUIREPEER", Support.IGNORED, false),
    /** A security restriction pgjdbc cannot enforce, so it is refused rather than ignored. */
    REQUIRE_AUTH("require_auth", "PGREQUIREAUTH", Support.UNSUPPORTED, false),
    SSL_MIN_PROTOCOL_VERSION("ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION", Support.SUPPORTED, false),
    SSL_MAX_PROTOCOL_VERSION("ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION", Support.IGNORED, false),
    MIN_PROTOCOL_VERSION("min_protocol_version", "PGMINPROTOCOLVERSION", Support.UNSUPPORTED, false),
    MAX_PROTOCOL_VERSION("max_protocol_version", "PGMAXPROTOCOLVERSION", Support.UNSUPPORTED, false),
    GSSENCMODE("gssencmode", "PGGSSENCMODE", Support.SUPPORTED, false),
    KRBSRVNAME("krbsrvname", "PGKRBSRVNAME", Support.SUPPORTED, false),
    GSSLIB("gsslib", "PGGSSLIB", Support.SUPPORTED, false),
    /** Not delegating credentials is libpq's default, and the safe side. */
    GSSDELEGATION("gssdelegation", "PGGSSDELEGATION", Support.IGNORED, false),
    REPLICATION("replication", null, Support.UNSUPPORTED, false),
    TARGET_SESSION_ATTRS("target_session_attrs", "PGTARGETSESSIONATTRS", Support.SUPPORTED, false),
    LOAD_BALANCE_HOSTS("load_balance_hosts", "PGLOADBALANCEHOSTS", Support.SUPPORTED, false),
    SCRAM_CLIENT_KEY("scram_client_key", null, Support.UNSUPPORTED, true),
    SCRAM_SERVER_KEY("scram_server_key", null, Support.UNSUPPORTED, true),
    OAUTH_ISSUER("oauth_issuer", null, Support.UNSUPPORTED, false),
    OAUTH_CLIENT_ID("oauth_client_id", null, Support.UNSUPPORTED, false),
    OAUTH_CLIENT_SECRET("oauth_client_secret", null, Support.UNSUPPORTED, true),
    OAUTH_SCOPE("oauth_scope", null, Support.UNSUPPORTED, false);

    enum Support {
        /** Carried out (possibly mapped onto a pgjdbc property). */
        SUPPORTED,
        /** Accepted and validated like libpq, but without effect under pgjdbc; harmless. */
        IGNORED,
        /** A valid libpq keyword pgshift cannot honour; a non-empty value is an error. */
        UNSUPPORTED
    }

    private static final Map<String, Keyword> BY_NAME = new HashMap<>();

    static {
        for (Keyword k : values()) {
            BY_NAME.put(k.libpqName, k);
        }
    }

    final String libpqName;
    final String envVar;
    final Support support;
    final boolean secret;

    Keyword(String libpqName, String envVar, Support support, boolean secret) {
        this.libpqName = libpqName;
        this.envVar = envVar;
        this.support = support;
        this.secret = secret;
    }

    /** libpq compares keywords case-sensitively. */
    static Optional<Keyword> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
