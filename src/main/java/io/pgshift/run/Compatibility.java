package io.pgshift.run;

import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.Incompatibility;
import io.pgshift.catalog.ServerVersion;

/**
 * Refuses a copy whose source holds objects the target's version cannot recreate. It runs before the target
 * database is created or touched: a refusal after the first statement would leave a half-filled target.
 */
final class Compatibility {
    /** Objects named in the refusal; the rest are counted, so the message stays one readable line. */
    private static final int NAMED = 5;

    private Compatibility() {
    }

    static void check(List<Incompatibility> found, ServerVersion target, String targetName) {
        List<Incompatibility> blocking = found.stream().filter(i -> i.blocks(target)).toList();
        if (blocking.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("target ").append(targetName).append(" runs PostgreSQL ")
                .append(target.major()).append(", which cannot recreate what the source holds, so nothing was "
                        + "written: ");
        for (int i = 0; i < Math.min(NAMED, blocking.size()); i++) {
            message.append(i == 0 ? "" : "; ").append(blocking.get(i).describe());
        }
        if (blocking.size() > NAMED) {
            message.append("; and ").append(blocking.size() - NAMED).append(" more");
        }
        throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, message.toString());
    }
}
