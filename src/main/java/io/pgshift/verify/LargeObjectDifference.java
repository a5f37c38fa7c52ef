package io.pgshift.verify;

/**
 * One large object that is not the same on both servers.
 *
 * @param problem what differs: {@code missing on the target}, {@code only on the target}, or one or both of
 *                {@code owner, comment or privileges differ} and {@code contents differ (...)}
 * @param source  the statements that create it on the source, when its owner, comment or privileges differ
 * @param target  the same for the target
 */
public record LargeObjectDifference(long oid, String problem, String source, String target) {

    public String describe() {
        String line = "LARGE OBJECT " + oid + ": " + problem;
        if (source == null || target == null) {
            return line;
        }
        return line + "\n  source: " + source.replace("\n", "\n          ")
                + "\n  target: " + target.replace("\n", "\n          ");
    }
}
