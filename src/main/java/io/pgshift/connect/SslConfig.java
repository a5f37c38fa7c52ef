package io.pgshift.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The SSL settings of a connection, resolved as libpq does when it connects: sslmode,
 * sslrootcert (else {@code ~/.postgresql/root.crt}, looked for on disk now), the client
 * certificate, sslnegotiation and the TLS version limits.
 *
 * @param mode           the sslmode; prefer unless given, verify-full with sslrootcert=system
 * @param rootCertSystem sslrootcert=system: the platform's trusted roots (Java's cacerts)
 * @param rootCert       the root certificate file; null for "system" or without a home directory
 * @param rootCertExists whether {@code rootCert} existed when resolved
 * @param client         the client certificate and key to send, or why they cannot be
 * @param password       the client key's passphrase (sslpassword), or null
 * @param negotiation    sslnegotiation as given ("postgres" or "direct"), or null
 */
record SslConfig(SslMode mode, boolean rootCertSystem, Path rootCert, boolean rootCertExists,
        ClientCertificate client, String password, String negotiation) {

    private static final List<String> TLS_VERSIONS = List.of("tlsv1", "tlsv1.1", "tlsv1.2", "tlsv1.3");

    /** Resolves and validates in libpq's order, so that the first error is the one libpq reports. */
    static SslConfig resolve(Settings s, List<String> warn) {
        String rootCertValue = s.nonEmpty(Keyword.SSLROOTCERT);
        boolean system = "system".equals(rootCertValue);
        SslMode mode = mode(s, system);
        if (system && mode != SslMode.VERIFY_FULL) {
            throw Settings.usage("weak sslmode \"" + mode + "\" may not be used with sslrootcert=system"
                    + " (use \"verify-full\")");
        }
        Path home = s.env().home();
        Path dotPostgresql = home == null ? null : home.resolve(".postgresql");
        Path rootCert;
        if (system) {
            rootCert = null;
        } else if (rootCertValue != null) {
            rootCert = Path.of(rootCertValue);
        } else {
            rootCert = dotPostgresql == null ? null : dotPostgresql.resolve("root.crt");
        }
        boolean rootCertExists = rootCert != null && Files.exists(rootCert);
        refuseRevocationLists(s, mode, rootCertExists);
        String negotiation = negotiation(s, mode);
        checkTlsVersions(s, warn);
        ClientCertificate client = ClientCertificate.resolve(s, mode, system, dotPostgresql, warn);
        return new SslConfig(mode, system, rootCert, rootCertExists, client,
                s.nonEmpty(Keyword.SSLPASSWORD), negotiation);
    }

    private static SslMode mode(Settings s, boolean rootCertSystem) {
        String value = s.get(Keyword.SSLMODE);
        if (value == null) {
            // libpq: sslrootcert=system strengthens the default to verify-full
            return rootCertSystem ? SslMode.VERIFY_FULL : SslMode.PREFER;
        }
        return SslMode.fromLibpqName(value).orElseThrow(() -> s.invalidValue(Keyword.SSLMODE, value));
    }

    /**
     * libpq checks a revocation list whenever it verifies the server certificate; pgjdbc cannot,
     * and quietly accepting a revoked certificate is not an option. Without verification the
     * list does not matter, so it is then accepted (and ignored) as in libpq.
     */
    private static void refuseRevocationLists(Settings s, SslMode mode, boolean rootCertExists) {
        boolean verifies = mode.verifiesCertificate() || (mode == SslMode.REQUIRE && rootCertExists);
        if (!verifies) {
            return;
        }
        for (Keyword k : List.of(Keyword.SSLCRL, Keyword.SSLCRLDIR)) {
            if (s.nonEmpty(k) != null) {
                throw s.notSupported(k, "pgjdbc cannot check certificate revocation lists");
            }
        }
    }

    private static String negotiation(Settings s, SslMode mode) {
        String value = s.get(Keyword.SSLNEGOTIATION);
        if (value != null) {
            if (!value.equals("postgres") && !value.equals("direct")) {
                throw s.invalidValue(Keyword.SSLNEGOTIATION, value);
            }
            if (value.equals("direct") && !mode.requiresEncryption()) {
                throw Settings.usage("weak sslmode \"" + mode + "\" may not be used with"
                        + " sslnegotiation=direct (use \"require\", \"verify-ca\", or \"verify-full\")");
            }
        }
        return value;
    }

    private static void checkTlsVersions(Settings s, List<String> warn) {
        String min = s.nonEmpty(Keyword.SSL_MIN_PROTOCOL_VERSION);
        String max = s.nonEmpty(Keyword.SSL_MAX_PROTOCOL_VERSION);
        if (min != null && !TLS_VERSIONS.contains(min.toLowerCase(Locale.ROOT))) {
            throw s.invalidValue(Keyword.SSL_MIN_PROTOCOL_VERSION, min);
        }
        if (max != null && !TLS_VERSIONS.contains(max.toLowerCase(Locale.ROOT))) {
            throw s.invalidValue(Keyword.SSL_MAX_PROTOCOL_VERSION, max);
        }
        if (min != null && max != null && TLS_VERSIONS.indexOf(min.toLowerCase(Locale.ROOT))
                > TLS_VERSIONS.indexOf(max.toLowerCase(Locale.ROOT))) {
            throw Settings.usage("invalid SSL protocol version range");
        }
        if (min != null && min.equalsIgnoreCase("TLSv1.3")) {
            throw s.notSupported(Keyword.SSL_MIN_PROTOCOL_VERSION, "TLSv1.3",
                    "pgjdbc cannot require TLS 1.3 (Java already refuses anything older than TLS 1.2)");
        }
        // A lower minimum is met anyway: Java's default TLS floor is 1.2, libpq's default too.
        if (max != null) {
            warn.add("ssl_max_protocol_version=" + max + " is ignored: pgjdbc negotiates the newest TLS"
                    + " version both sides support");
        }
    }

    /** Never shows the key passphrase: a record's generated toString would. */
    @Override
    public String toString() {
        return "SslConfig[" + mode + ", rootCert=" + (rootCertSystem ? "system" : rootCert) + ", " + client
                + (password == null ? "" : ", sslpassword=(set)") + "]";
    }
}
