package io.pgshift.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A renamed parameter's value written for its new name. */
final class Renames {
    private static final BigDecimal MEGABYTE = BigDecimal.valueOf(1024L * 1024);
    private static final BigDecimal DEFAULT_SEGMENT = BigDecimal.valueOf(16L * 1024 * 1024);

    private Renames() {
    }

    /**
     * The source's value as the target's {@code renamed} parameter takes it. Most renames kept their meaning;
     * wal_keep_segments counted WAL segments where wal_keep_size counts megabytes, so it becomes segments times the
     * source's segment size (chosen at initdb, 16MB unless changed).
     */
    static String value(Parameter source, Parameter renamed, ServerSettings sourceServer) {
        if (source.name().equals("wal_keep_segments") && renamed.name().equals("wal_keep_size")) {
            Parameter segment = sourceServer.get("wal_segment_size");
            BigDecimal bytes = segment == null ? null : SettingValues.bytes(segment);
            BigDecimal size = new BigDecimal(source.setting()).multiply(bytes == null ? DEFAULT_SEGMENT : bytes);
            return size.divide(MEGABYTE, 0, RoundingMode.CEILING).toPlainString() + "MB";
        }
        return source.value();
    }
}
