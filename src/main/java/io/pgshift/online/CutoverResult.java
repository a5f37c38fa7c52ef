package io.pgshift.online;

import java.time.Duration;
import java.util.List;

/**
 * A finished cutover.
 *
 * @param steps     each step in order, with what it did and how long it took
 * @param writeStop how long the application could not write: from the source's writes stopping to the handover,
 *                  the verification included unless it came after the handover
 * @param target    the target's connection, as the application should now use it (no password)
 * @param database  the source database, which stays read-only
 */
public record CutoverResult(String name, List<Step> steps, Duration writeStop, String target, String database) {

    public record Step(String name, String detail, Duration took) {
    }
}
