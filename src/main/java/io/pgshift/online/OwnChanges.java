package io.pgshift.online;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.pgshift.verify.SchemaDifference;

/**
 * The one difference between the servers that the cutover makes itself: the source database's
 * default_transaction_read_only, which stops the writes. A schema comparison during the cutover must not take it
 * for a change of the user's.
 */
final class OwnChanges {
    private static final String SETTING = "default_transaction_read_only";

    private OwnChanges() {
    }

    static List<SchemaDifference> without(List<SchemaDifference> differences) {
        return differences.stream().filter(d -> !onlyTheWriteStop(d)).toList();
    }

    private static boolean onlyTheWriteStop(SchemaDifference d) {
        return d.source() != null && d.target() != null && d.source().contains(SETTING)
                && Objects.equals(withoutSetting(d.source()), withoutSetting(d.target()));
    }

    private static String withoutSetting(String statements) {
        return statements.lines().filter(line -> !line.contains(SETTING)).collect(Collectors.joining("\n"));
    }
}
