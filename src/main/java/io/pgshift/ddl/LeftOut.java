package io.pgshift.ddl;

import java.util.List;

import io.pgshift.object.Kind;
import io.pgshift.plan.Entry;

/**
 * What --no-comments, --no-publications and --no-subscriptions leave out of a run's entries, as pg_dump leaves them
 * out of a dump: the COMMENT ON statements wherever they are written, and the publications (with the tables and
 * schemas they publish) and subscriptions whole. Applied where the entries are made, by copy and dump, and to a
 * dump's entries by restore, so each command leaves out the same.
 */
public final class LeftOut {
    private LeftOut() {
    }

    public static List<Entry> apply(List<Entry> entries, DdlOptions options) {
        if (!options.noComments() && !options.noPublications() && !options.noSubscriptions()) {
            return entries;
        }
        return entries.stream().filter(e -> !leftOut(e.kind(), options))
                .map(e -> options.noComments() ? withoutComments(e) : e)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }

    private static boolean leftOut(Kind kind, DdlOptions options) {
        return options.noPublications() && (kind == Kind.PUBLICATION || kind == Kind.PUBLICATION_TABLE
                || kind == Kind.PUBLICATION_TABLES_IN_SCHEMA)
                || options.noSubscriptions() && kind == Kind.SUBSCRIPTION;
    }

    private static Entry withoutComments(Entry e) {
        if (e.sql().stream().noneMatch(StatementKinds::isComment)) {
            return e;
        }
        return e.withSql(e.sql().stream().filter(sql -> !StatementKinds.isComment(sql)).toList());
    }
}
