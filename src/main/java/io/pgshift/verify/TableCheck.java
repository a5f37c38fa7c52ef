package io.pgshift.verify;

/**
 * One table compared on both servers.
 *
 * @param sourceRanges how many ranges the table was hashed in on the source (1: whole); the target may differ,
 *                     as each server cuts its own copy of the table
 */
public record TableCheck(String table, Fingerprint source, Fingerprint target, int sourceRanges, int targetRanges) {

    public TableCheck(String table, Fingerprint source, Fingerprint target) {
        this(table, source, target, 1, 1);
    }

    public boolean matches() {
        return source.equals(target);
    }
}
