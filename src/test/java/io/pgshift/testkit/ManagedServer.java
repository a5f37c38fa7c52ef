package io.pgshift.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.pgshift.embedded.EmbeddedPostgres;
import io.pgshift.embedded.PgVersion;
import io.pgshift.embedded.SslSetup;

/**
 * A real PostgreSQL server set up the way a managed service sets up the servers it sells, so that tests connect
 * as that service's admin, who is not a superuser, and the server itself enforces what such an admin may not do:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ManagedServer target = ManagedServer.of(Provider.AZURE, "17");
 * ... Cli.run("upgrade", "--target", target.adminConn("postgres"), ...)
 * }</pre>
 *
 * The set-up runs as the server's bootstrap superuser, which carries the provider's name for it, as the
 * provider's own automation does before a customer ever connects. {@link Provider} says, rule by rule, where each
 * comes from. Tests prepare fixtures either as the admin ({@link #executeAsAdmin}), as a customer would, or as the
 * superuser ({@link #execute}) for what only the provider itself could have done.
 */
public final class ManagedServer implements BeforeAllCallback, AfterAllCallback {
    /** The admin's password: a fixed, harmless test secret, so a leak into output is easy to search for. */
    public static final String ADMIN_PASSWORD = "Managed-Admin-Secret-7";

    private final Provider provider;
    private final PgVersion version;
    private String allowedExtensions;
    private boolean logicalReplication;
    private EmbeddedPostgres server;
    private String ownerId;

    private ManagedServer(Provider provider, PgVersion version) {
        this.provider = provider;
        this.version = version;
    }

    /** A server of the given major ("12", ..., "18") imitating the provider. */
    public static ManagedServer of(Provider provider, String major) {
        return new ManagedServer(provider, PgVersion.of(major));
    }

    /**
     * The provider's extension allow-list: azure.extensions, empty unless the customer fills it, or
     * rds.allowed_extensions, {@code *} unless the customer narrows it. Cloud SQL has no such parameter (it
     * offers a fixed list of supported extensions), so there the server's own rule, trusted or not, is all.
     */
    public ManagedServer allowExtensions(String... names) {
        if (server != null) {
            throw new IllegalStateException("the allow-list must be chosen before the server starts");
        }
        this.allowedExtensions = String.join(",", names);
        return this;
    }

    /**
     * Turns logical replication on, as the customer does for an online migration: wal_level = logical (Azure's
     * server parameter, RDS's rds.logical_replication, Cloud SQL's cloudsql.logical_decoding all come to this), and
     * the admin may replicate and, from PostgreSQL 16 on, create subscriptions.
     * <ul>
     * <li>Azure has the admin run {@code ALTER ROLE <admin> WITH REPLICATION} itself (learn.microsoft.com/azure/
     * postgresql/flexible-server/concepts-logical, "Prerequisites for logical replication").</li>
     * <li>RDS grants rds_replication, which its own server code honours; vanilla PostgreSQL does not know it, so the
     * imitation gives the REPLICATION attribute its effect has (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/
     * PostgreSQL.Concepts.General.FeatureSupport.LogicalReplication.html).</li>
     * <li>Cloud SQL's users made for replication have REPLICATION (cloud.google.com/sql/docs/postgres/
     * replication/configure-logical-replication).</li>
     * <li>pg_create_subscription (PostgreSQL 16) is given to the admin, as the services let their admins create
     * subscriptions; this is the imitation's assumption, not a quoted rule.</li>
     * </ul>
     */
    public ManagedServer logicalReplication() {
        if (server != null) {
            throw new IllegalStateException("logical replication must be chosen before the server starts");
        }
        this.logicalReplication = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server != null) {
            return;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder(version).ssl(provider.ssl)
                .superuser(provider.bootstrap);
        if (provider.allowListSetting != null) {
            builder.setting(provider.allowListSetting, allowedExtensions != null ? allowedExtensions
                    : provider.defaultAllowList);
        }
        if (logicalReplication) {
            builder.setting("wal_level", "logical");
        }
        server = builder.start();
        ownerId = context.getUniqueId();
        try {
            provider.setUp(this);
            if (logicalReplication) {
                execute("postgres", "ALTER ROLE " + admin() + " WITH REPLICATION");
                if (Integer.parseInt(version.major().replace("9.6", "9")) >= 16) {
                    execute("postgres", "GRANT pg_create_subscription TO " + admin());
                }
            }
        } catch (RuntimeException e) {
            server.close();
            server = null;
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null && context.getUniqueId().equals(ownerId)) {
            try {
                server.close();
            } finally {
                server = null;
                ownerId = null;
            }
        }
    }

    public Provider provider() {
        return provider;
    }

    public String majorVersion() {
        return version.major();
    }

    /** The customer's admin: myadmin on Azure, postgres on RDS and Cloud SQL. */
    public String admin() {
        return provider.admin;
    }

    /** The provider's bootstrap superuser, which customers never get. */
    public String superuser() {
        return server().superuser();
    }

    /** A key=value connection string for the admin, as the provider's portal shows it. */
    public String adminConn(String db) {
        return "host=" + server().host() + " port=" + server().port() + " user=" + admin() + " password='"
                + ADMIN_PASSWORD + "' dbname=" + db + " sslmode=" + provider.clientSslMode;
    }

    /** The same for another login role of the server, created by the test. */
    public String conn(String user, String password, String db) {
        return "host=" + server().host() + " port=" + server().port() + " user=" + user + " password='"
                + password + "' dbname=" + db + " sslmode=" + provider.clientSslMode;
    }

    public Connection connectAsAdmin(String db) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", admin());
        properties.setProperty("password", ADMIN_PASSWORD);
        properties.setProperty("sslmode", provider.clientSslMode);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(server().jdbcUrl(db), properties);
    }

    /** Runs each statement as the admin, autocommitted: what a customer can do. */
    public void executeAsAdmin(String db, String... sql) {
        try (Connection connection = connectAsAdmin(db); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed as " + admin() + " on " + provider + " "
                    + version.major() + " in database " + db + ": " + e.getMessage(), e);
        }
    }

    /** Runs each statement as the provider's superuser: only for what the provider itself does. */
    public void execute(String db, String... sql) {
        server().execute(db, sql);
    }

    public Connection connectAsSuperuser(String db) throws SQLException {
        return server().connect(db);
    }

    public EmbeddedPostgres server() {
        if (server == null) {
            throw new IllegalStateException(provider + " " + version.major()
                    + " is not running; register the extension in a static field with @RegisterExtension");
        }
        return server;
    }

    /**
     * What each service does to a new server before its customer connects. Each rule names the provider's
     * documentation it comes from.
     */
    public enum Provider {
        /**
         * Azure Database for PostgreSQL flexible server.
         * <ul>
         * <li>The bootstrap superuser is {@code azuresu}; {@code azure_superuser} and {@code replication} are
         * reserved; the customer's admin is a member of {@code azure_pg_admin} with LOGIN, CREATEDB and CREATEROLE
         * and is not a superuser ("Azure Database for PostgreSQL flexible server: security / roles and users",
         * learn.microsoft.com/azure/postgresql/flexible-server/how-to-create-users and concepts-security).</li>
         * <li>{@code azure_maintenance} and {@code azure_sys} are the service's databases; customers cannot connect
         * to {@code azure_maintenance} (same pages).</li>
         * <li>Extensions must be allow-listed in the server parameter {@code azure.extensions}
         * (learn.microsoft.com/azure/postgresql/extensions/how-to-allow-extensions).</li>
         * <li>Connections need TLS ({@code require_secure_transport} is on by default) and passwords are
         * scram-sha-256 (concepts-networking-ssl-tls, concepts-connection-libraries).</li>
         * <li>The public schema "is owned by the azure_pg_admin role across all supported PostgreSQL versions"
         * (concepts-security); the postgres database is azure_pg_admin's too, which is what lets the admin run
         * what its owner may there (not stated in the documentation: what the service's servers show).</li>
         * <li>The admin cannot create tablespaces (concepts-limits: "creating tablespaces is not supported").</li>
         * </ul>
         */
        AZURE("azuresu", "myadmin", "azure.extensions", "", SslSetup.REQUIRED, "require", List.of(
                "CREATE ROLE azure_superuser NOLOGIN SUPERUSER",
                "CREATE ROLE replication LOGIN REPLICATION",
                "CREATE ROLE azure_pg_admin NOLOGIN",
                "GRANT pg_monitor, pg_signal_backend TO azure_pg_admin",
                "CREATE ROLE myadmin LOGIN CREATEDB CREATEROLE IN ROLE azure_pg_admin PASSWORD '" + ADMIN_PASSWORD
                        + "'",
                "CREATE DATABASE azure_maintenance",
                "REVOKE CONNECT ON DATABASE azure_maintenance FROM PUBLIC",
                "CREATE DATABASE azure_sys",
                "ALTER DATABASE postgres OWNER TO azure_pg_admin"),
                "azure_pg_admin"),
        /**
         * Amazon RDS for PostgreSQL.
         * <ul>
         * <li>The bootstrap superuser is {@code rdsadmin}; the master user ({@code postgres} by default) has LOGIN,
         * CREATEDB and CREATEROLE and is a member of {@code rds_superuser}, which is not a superuser
         * (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Appendix.PostgreSQL.CommonDBATasks.Roles.html).</li>
         * <li>The service's own roles: {@code rdsadmin}, {@code rds_replication}, {@code rds_password},
         * {@code rds_iam}, {@code rds_ad}, {@code rdsrepladmin}, {@code rdstopmgr} (same page).</li>
         * <li>The {@code rdsadmin} database is the service's own; customers cannot connect to it.</li>
         * <li>{@code rds_superuser} is a member of pg_monitor, pg_signal_backend, rds_replication and rds_password
         * (same page).</li>
         * <li>Extensions: {@code rds.allowed_extensions}, {@code *} by default, restricts which supported
         * extensions may be created (Appendix.PostgreSQL.CommonDBATasks.Extensions.html).</li>
         * <li>The master user owns the postgres database: the service's own guides have it revoke PUBLIC's rights
         * on it, which only its owner may do.</li>
         * <li>The rdsadmin database, rds_iam, rds_ad and rdsrepladmin are not in the documentation pages above; they
         * are what the service's servers show to {@code \du} and {@code \l}, and are kept for detection.</li>
         * </ul>
         */
        RDS("rdsadmin", "postgres", "rds.allowed_extensions", "*", SslSetup.ENABLED, "require", List.of(
                "CREATE ROLE rds_superuser NOLOGIN",
                "GRANT pg_monitor, pg_signal_backend TO rds_superuser",
                "CREATE ROLE rds_replication NOLOGIN",
                "CREATE ROLE rds_password NOLOGIN",
                "CREATE ROLE rds_iam NOLOGIN",
                "CREATE ROLE rds_ad NOLOGIN",
                "CREATE ROLE rdsrepladmin NOLOGIN REPLICATION",
                "CREATE ROLE rdstopmgr LOGIN",
                "GRANT rds_replication, rds_password TO rds_superuser WITH ADMIN OPTION",
                "CREATE ROLE postgres LOGIN CREATEDB CREATEROLE IN ROLE rds_superuser PASSWORD '" + ADMIN_PASSWORD
                        + "'",
                "CREATE DATABASE rdsadmin",
                "REVOKE CONNECT ON DATABASE rdsadmin FROM PUBLIC",
                "ALTER DATABASE postgres OWNER TO postgres"),
                null),
        /**
         * Google Cloud SQL for PostgreSQL.
         * <ul>
         * <li>The bootstrap superuser is {@code cloudsqladmin}; the default user {@code postgres} and users made in
         * the console are members of {@code cloudsqlsuperuser} with CREATEROLE and CREATEDB, not superusers
         * (cloud.google.com/sql/docs/postgres/users).</li>
         * <li>The service's own roles: {@code cloudsqlagent}, {@code cloudsqlreplica},
         * {@code cloudsqlimportexport}, {@code cloudsqliamuser}, {@code cloudsqliamserviceaccount}; its database
         * {@code cloudsqladmin} (same page).</li>
         * <li>Only the supported extensions can be created (cloud.google.com/sql/docs/postgres/extensions); the
         * imitation, which has no such list, lets the server's own rule decide: trusted extensions only.</li>
         * <li>The postgres database belongs to cloudsqlsuperuser (what the service's servers show).</li>
         * </ul>
         */
        CLOUDSQL("cloudsqladmin", "postgres", null, null, SslSetup.ENABLED,
                "require", List.of(
                "CREATE ROLE cloudsqlsuperuser NOLOGIN CREATEDB CREATEROLE",
                "GRANT pg_monitor, pg_signal_backend TO cloudsqlsuperuser",
                "CREATE ROLE cloudsqlagent LOGIN",
                "CREATE ROLE cloudsqlreplica LOGIN REPLICATION",
                "CREATE ROLE cloudsqlimportexport LOGIN",
                "CREATE ROLE cloudsqliamuser NOLOGIN",
                "CREATE ROLE cloudsqliamserviceaccount NOLOGIN",
                "CREATE ROLE postgres LOGIN CREATEDB CREATEROLE IN ROLE cloudsqlsuperuser PASSWORD '"
                        + ADMIN_PASSWORD + "'",
                "CREATE DATABASE cloudsqladmin",
                "REVOKE CONNECT ON DATABASE cloudsqladmin FROM PUBLIC",
                "ALTER DATABASE postgres OWNER TO cloudsqlsuperuser"),
                null);

        private final String bootstrap;
        private final String admin;
        private final String allowListSetting;
        private final String defaultAllowList;
        private final SslSetup ssl;
        private final String clientSslMode;
        private final List<String> roles;
        private final String publicSchemaOwner;

        Provider(String bootstrap, String admin, String allowListSetting, String defaultAllowList,
                 SslSetup ssl, String clientSslMode, List<String> roles, String publicSchemaOwner) {
            this.bootstrap = bootstrap;
            this.admin = admin;
            this.allowListSetting = allowListSetting;
            this.defaultAllowList = defaultAllowList;
            this.ssl = ssl;
            this.clientSslMode = clientSslMode;
            this.roles = roles;
            this.publicSchemaOwner = publicSchemaOwner;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        private void setUp(ManagedServer server) {
            server.execute("postgres", roles.toArray(String[]::new));
            if (publicSchemaOwner != null) {
                // template1 first, so every database created later starts with the same owner.
                for (String db : List.of("template1", "postgres")) {
                    server.execute(db, "ALTER SCHEMA public OWNER TO " + publicSchemaOwner);
                }
            }
        }
    }
}
