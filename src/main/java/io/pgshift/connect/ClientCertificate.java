package io.pgshift.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which client certificate and key pgjdbc gets, decided like libpq: the certificate is sslcert,
 * else {@code ~/.postgresql/postgresql.crt}, and is simply not sent when missing; when it exists
 * the key must exist too. pgjdbc 42.7 reads keys only as PKCS#8 DER or PKCS#12, so the default
 * key is {@code postgresql.pk8} when present, else libpq's {@code postgresql.key}.
 *
 * @param cert    the certificate to send, or null
 * @param key     the key to use (with a PKCS#12 key alone, it holds the certificate too), or null
 * @param problem why the configured certificate cannot be used, when that must fail the
 *                connection; then cert and key are null
 */
record ClientCertificate(Path cert, Path key, String problem) {

    private static final ClientCertificate NONE = new ClientCertificate(null, null, null);

    static ClientCertificate resolve(Settings s, SslMode mode, boolean rootCertSystem, Path dotPostgresql,
            List<String> warn) {
        String certMode = Objects.requireNonNullElse(s.get(Keyword.SSLCERTMODE), "allow");
        if (!Set.of("disable", "allow", "require").contains(certMode)) {
            throw s.invalidValue(Keyword.SSLCERTMODE, certMode);
        }
        if (certMode.equals("require")) {
            throw s.notSupported(Keyword.SSLCERTMODE, "require",
                    "pgjdbc cannot tell whether the server asked for a client certificate");
        }
        if (mode == SslMode.DISABLE || certMode.equals("disable")) {
            return NONE;
        }
        String certValue = s.nonEmpty(Keyword.SSLCERT);
        String keyValue = s.nonEmpty(Keyword.SSLKEY);
        if (keyValue != null && (keyValue.endsWith(".p12") || keyValue.endsWith(".pfx"))) {
            // pgjdbc's extension: one PKCS#12 file holds certificate and key.
            return new ClientCertificate(null, Path.of(keyValue), null);
        }
        Path cert = certValue != null ? Path.of(certValue)
                : dotPostgresql == null ? null : dotPostgresql.resolve("postgresql.crt");
        if (cert == null || !Files.exists(cert)) {
            return NONE; // libpq: no certificate file, no client certificate
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
        String notSent = "client certificate \"" + cert + "\" is not sent: ";
        String problem;
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
                warn.add(notSent + hint);
                return NONE;
            }
            problem = hint;
        } else {
            problem = keyPermissionProblem(key);
        }
        if (problem != null) {
            if (!mode.requiresEncryption()) {
                // libpq would fail the SSL attempt and (prefer) fall back to a plain connection.
                warn.add(notSent + problem);
                return NONE;
            }
            return new ClientCertificate(null, null, problem);
        }
        if (rootCertSystem) {
            warn.add(notSent + "with sslrootcert=system pgshift uses Java's default SSL context");
            return NONE;
        }
        return new ClientCertificate(cert, key, null);
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
            // Not a POSIX file system (libpq does not check there either), or unreadable: then
            // pgjdbc reports the file itself.
            return null;
        }
    }
}
