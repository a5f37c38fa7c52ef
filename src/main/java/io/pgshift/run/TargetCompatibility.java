package io.pgshift.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Column;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.Table;
import io.pgshift.sql.Sql;

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
        if (target.atLeast(16)) {
            refuseGeneratedUnlikeParent(source.tables(), target);
        }
    }

    /**
     * An inheritance child whose column is generated where its parent's is not, or the other way round, which
     * ALTER TABLE ... INHERIT allowed before 16; 16 and later refuse to create such a child.
     */
    private static void refuseGeneratedUnlikeParent(List<Table> tables, ServerVersion target) {
        Map<Long, Table> byOid = new HashMap<>();
        tables.forEach(t -> byOid.put(t.oid(), t));
        List<String> unlike = new ArrayList<>();
        for (Table t : tables) {
            if (t.layout().isPartition()) {
                continue;
            }
            for (long parentOid : t.layout().parents()) {
                Table parent = byOid.get(parentOid);
                if (parent == null) {
                    continue;
                }
                for (Column c : t.columns()) {
                    parent.columns().stream().filter(p -> p.name().equals(c.name()))
                            .filter(p -> p.isGenerated() != c.isGenerated()).findFirst()
                            .ifPresent(p -> unlike.add(Sql.qualified(t.schema(), t.name()) + "." + Sql.ident(c.name())
                                    + (c.isGenerated() ? " (generated, its parent's is not)"
                                            : " (not generated, its parent's is)")));
                }
            }
        }
        if (unlike.isEmpty()) {
            return;
        }
        throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, "the target's PostgreSQL " + target.major()
                + " refuses an inheritance child whose column is generated unlike its parent's, which older servers "
                + "let ALTER TABLE ... INHERIT join, so nothing was written: " + String.join(", ",
                unlike.subList(0, Math.min(10, unlike.size()))) + (unlike.size() > 10 ? " and " + (unlike.size() - 10)
                + " more" : "") + "; make such a column plain on the source (ALTER TABLE ... ALTER COLUMN ... DROP "
                + "EXPRESSION) or leave the table out with -T");
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
