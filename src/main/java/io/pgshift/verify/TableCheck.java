package io.pgshift.verify;

/** One table compared on both servers. */
public record TableCheck(String table, Fingerprint source, Fingerprint target) {
    public boolean matches() {
        return source.equals(target);
    }
}
