package io.pgshift.embedded;

/** How an embedded server handles SSL, so tests can exercise every sslmode a client may ask for. */
public enum SslSetup {
    /** ssl=off: clients that require SSL are refused. */
    OFF,
    /** A self-signed certificate for CN=localhost; plain and SSL connections are both accepted. */
    ENABLED,
    /** As ENABLED, but pg_hba rejects every connection that is not SSL. */
    REQUIRED
}
