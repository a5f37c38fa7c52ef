package io.pgshift.connect;

import org.postgresql.ssl.PGjdbcHostnameVerifier;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;

/**
 * libpq's {@code hostaddr} with {@code sslmode=verify-full}: the connection goes to the address,
 * but the certificate must match the host name. pgjdbc only knows the address it connected to,
 * so this verifier maps it back to the host name and then checks like pgjdbc's own verifier.
 * Public only because pgjdbc instantiates it by class name (with the connection properties).
 */
public final class HostAddressVerifier implements HostnameVerifier {

    /** Connection property: {@code address=name} pairs, comma-separated, addresses as in the URL. */
    static final String NAMES_PROPERTY = "pgshift.hostaddrNames";

    private final Map<String, String> names = new HashMap<>();

    public HostAddressVerifier(Properties info) {
        String spec = info.getProperty(NAMES_PROPERTY, "");
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                names.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
    }

    @Override
    public boolean verify(String hostname, SSLSession session) {
        return PGjdbcHostnameVerifier.INSTANCE.verify(names.getOrDefault(hostname, hostname), session);
    }
}
