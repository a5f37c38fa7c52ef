package io.pgshift.catalog.routines;

import java.util.Map;
import java.util.stream.Collectors;

import io.pgshift.catalog.ParameterChange;
import io.pgshift.catalog.ParameterHistory;

/**
 * Run-time parameters that later versions no longer accept by name, with the first major version that does not
 * know each. CREATE FUNCTION refuses an unknown parameter in a SET clause, so a function that sets one cannot be
 * recreated there. The names come from the same parameter history as {@code pgshift compare settings}; the
 * parameters among them that only the server configuration can set (wal_keep_segments, ...) can never appear in
 * a SET clause, so matching them too is harmless.
 */
final class RemovedSettings {
    static final Map<String, Integer> FIRST_MAJOR_WITHOUT = ParameterHistory.builtIn().all().stream()
            .filter(c -> c.retires() && !c.oldNameAccepted())
            .collect(Collectors.toUnmodifiableMap(ParameterChange::name, ParameterChange::version));

    private RemovedSettings() {
    }
}
