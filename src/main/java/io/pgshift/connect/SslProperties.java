package io.pgshift.connect;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import java.util.Properties;
import java.util.StringJoiner;

/**
 * libpq's SSL settings as pgjdbc properties, so that each sslmode keeps libpq's meaning.
 *
 * <ul>
 * <li>disable, allow, prefer, verify-ca and verify-full are passed as they are (pgjdbc's meanings
 *     match libpq's). {@code require} follows libpq's documented rule: it checks the server
 *     certificate like verify-ca when a root certificate file exists, and does not check it
 *     otherwise, whereas pgjdbc's own {@code require} never checks. pgjdbc is handed the root
 *     certificate path explicitly, resolved from pgshift's {@link Environment}, not its own
 *     {@code user.home} default.
 * <li>{@code sslrootcert=system}: Java's trusted roots, through pgjdbc's DefaultJavaSSLFactory.
 * <li>allow / prefer: libpq also checks the certificate when a root file exists and, for prefer,
 *     falls back to a plain connection when the check fails; pgjdbc never checks in these modes.
 *     Neither protects against an active attacker, so pgjdbc's behaviour is kept.
 * </ul>
 */
final class SslProperties {

    private static final String DEFAULT_JAVA_SSL_FACTORY = "org.postgresql.ssl.DefaultJavaSSLFactory";

    private SslProperties() {
    }

    /**
     * @throws PgShiftException SSL, when the SSL settings cannot work (a missing root certificate
     *                          for verify-ca / verify-full, an unusable client key)
     */
    static void add(ConnInfo info, Properties p) {
        SslConfig ssl = info.ssl();
        PgjdbcProperties.setIfGiven(p, "sslNegotiation", ssl.negotiation());
        SslMode mode = ssl.mode();
        if (mode == SslMode.DISABLE) {
            p.setProperty("sslmode", "disable");
            return;
        }
        String where = info.describe();
        switch (mode) {
            case ALLOW, PREFER -> p.setProperty("sslmode", mode.libpqName());
            case REQUIRE -> {
                if (ssl.rootCertExists()) {
                    // libpq: "if a root CA file exists, ... verified as if verify-ca was specified"
                    p.setProperty("sslmode", SslMode.VERIFY_CA.libpqName());
                    p.setProperty("sslrootcert", ssl.rootCert().toString());
                } else {
                    p.setProperty("sslmode", "require"); // pgjdbc: encrypt, accept any certificate
                }
            }
            case VERIFY_CA, VERIFY_FULL -> {
                p.setProperty("sslmode", mode.libpqName());
                if (ssl.rootCertSystem()) {
                    p.setProperty("sslfactory", DEFAULT_JAVA_SSL_FACTORY);
                } else if (ssl.rootCert() == null) {
                    throw failure(where, "could not get home directory to locate root certificate file;"
                            + " provide sslrootcert, use sslrootcert=system, or change sslmode to disable"
                            + " server certificate verification");
                } else if (!ssl.rootCertExists()) {
                    throw failure(where, "root certificate file \"" + ssl.rootCert() + "\" does not exist;"
                            + " provide the file, use the system's trusted roots with sslrootcert=system,"
                            + " or change sslmode to disable server certificate verification");
                } else {
                    p.setProperty("sslrootcert", ssl.rootCert().toString());
                }
                if (mode == SslMode.VERIFY_FULL) {
                    hostaddrVerifier(info, p);
                }
            }
            default -> throw new IllegalStateException(mode.name());
        }
        ClientCertificate client = ssl.client();
        if (client.problem() != null) {
            throw failure(where, client.problem());
        }
        if (!ssl.rootCertSystem()) {
            // Always explicit: an empty value stops pgjdbc from falling back to files under its
            // own user.home, which need not be the home pgshift resolved.
            p.setProperty("sslcert", client.cert() == null ? "" : client.cert().toString());
            p.setProperty("sslkey", client.key() == null ? "" : client.key().toString());
        }
        PgjdbcProperties.setIfGiven(p, "sslpassword", ssl.password());
    }

    /** With hostaddr, pgjdbc would check the certificate against the address: see the verifier. */
    private static void hostaddrVerifier(ConnInfo info, Properties p) {
        StringJoiner names = new StringJoiner(",");
        for (ConnInfo.Host h : info.hosts()) {
            if (h.hostaddr() != null && h.host() != null) {
                names.add(ConnInfo.Host.bracketed(h.hostaddr()) + "=" + ConnInfo.Host.bracketed(h.host()));
            }
        }
        if (names.length() > 0) {
            p.setProperty("sslhostnameverifier", HostAddressVerifier.class.getName());
            p.setProperty(HostAddressVerifier.NAMES_PROPERTY, names.toString());
        }
    }

    private static PgShiftException failure(String where, String detail) {
        return new PgShiftException(ErrorCode.SSL, "cannot connect to " + where + ": " + detail);
    }
}
