package io.pgshift.catalog.routines;

import java.util.Map;

/**
 * Run-time parameters a function's SET clause may name (user and superuser settings) that later versions
 * removed, with the first major version that no longer knows each. CREATE FUNCTION refuses an unknown
 * parameter, so such a function cannot be recreated there. Found by asking every server from 9.6 to 18
 * which names current_setting(name, true) still knows; parameters that only the server configuration can
 * set (wal_keep_segments, stats_temp_directory, ...) are left out, as no SET clause can hold them.
 */
final class RemovedSettings {
    static final Map<String, Integer> FIRST_MAJOR_WITHOUT = Map.of(
            "min_parallel_relation_size", 10,   // became min_parallel_table_scan_size
            "sql_inheritance", 10,
            "replacement_sort_tuples", 11,
            "operator_precedence_warning", 14,
            "vacuum_cleanup_index_scale_factor", 14,
            "force_parallel_mode", 16);         // became debug_parallel_query

    private RemovedSettings() {
    }
}
