package io.pgshift.run;

import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.Table;
import io.pgshift.ddl.Sql;

/**
 * What the source holds that the target's version cannot take. Checked after the source is read and
 * before anything is written, so a refused copy leaves the target exactly as it was.
 */
final class TargetCompatibility {
    private TargetCompatibility() {
    }

    static void check(Catalog source, ServerVersion target) {
        if (target.atLeast(12)) {
            refuseOids(source.tables(), target);
        }
    }

    /** PostgreSQL 12 removed WITH OIDS; the oid column's values would have nowhere to go. */
    private static void refuseOids(List<Table> tables, ServerVersion target) {
        List<String> withOids = tables.stream().filter(t -> t.layout().hasOids())
                .map(t -> Sql.qualified(t.schema(), t.name())).toList();
        if (withOids.isEmpty()) {
            return;
        }
        String names = String.join(", ", withOids.subList(0, Math.min(10, withOids.size())))
                + (withOids.size() > 10 ? " and " + (withOids.size() - 10) + " more" : "");
        throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, (withOids.size() == 1 ? "table " : "tables ")
                + names + (withOids.size() == 1 ? " was" : " were") + " created WITH OIDS, which the target's PostgreSQL "
                + target.major() + " does not support (WITH OIDS was removed in 12); on the source, run ALTER TABLE "
                + withOids.get(0) + " SET WITHOUT OIDS" + (withOids.size() > 1 ? " (and the same for the others)" : "")
                + ", or copy to a target older than 12");
    }
}
