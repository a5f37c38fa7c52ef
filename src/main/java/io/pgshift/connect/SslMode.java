package io.pgshift.connect;

import java.util.Optional;

/**
 * libpq's {@code sslmode} values, with libpq's meanings. How each one is carried out with pgjdbc
 * is decided in {@link SslProperties}.
 */
enum SslMode {
    /** Plain connection only; never SSL. */
    DISABLE("disable", false, false, false),
    /** A plain connection first; SSL only if the plain attempt is refused. No certificate check. */
    ALLOW("allow", false, false, false),
    /** SSL first; a plain connection if SSL is refused. No certificate check. The default. */
    PREFER("prefer", false, false, false),
    /**
     * SSL only, so the data is encrypted, but the server is not authenticated. As libpq does, when
     * a root certificate file exists (sslrootcert, or {@code ~/.postgresql/root.crt}) the server
     * certificate is nevertheless checked against it exactly as with {@link #VERIFY_CA}.
     */
    REQUIRE("require", true, false, false),
    /** SSL only, and the server certificate must chain up to a CA in the root certificate file. */
    VERIFY_CA("verify-ca", true, true, false),
    /** As {@link #VERIFY_CA}, and the certificate must also name the host that was connected to. */
    VERIFY_FULL("verify-full", true, true, true);

    private final String libpqName;
    private final boolean requiresEncryption;
    private final boolean verifiesCertificate;
    private final boolean verifiesHostName;

    SslMode(String libpqName, boolean requiresEncryption, boolean verifiesCertificate,
            boolean verifiesHostName) {
        this.libpqName = libpqName;
        this.requiresEncryption = requiresEncryption;
        this.verifiesCertificate = verifiesCertificate;
        this.verifiesHostName = verifiesHostName;
    }

    /** The spelling libpq, psql and pgjdbc use, e.g. {@code verify-full}. */
    public String libpqName() {
        return libpqName;
    }

    /** True when a plain (unencrypted) connection is never acceptable. */
    public boolean requiresEncryption() {
        return requiresEncryption;
    }

    /**
     * True when the certificate chain is always checked against the root certificates. (For
     * {@link #REQUIRE} it is also checked when a root certificate file exists.)
     */
    public boolean verifiesCertificate() {
        return verifiesCertificate;
    }

    /** True when the server certificate must match the host name. */
    public boolean verifiesHostName() {
        return verifiesHostName;
    }

    /** The mode for a libpq spelling; libpq compares case-sensitively, and so does this. */
    public static Optional<SslMode> fromLibpqName(String name) {
        for (SslMode mode : values()) {
            if (mode.libpqName.equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return libpqName;
    }
}
