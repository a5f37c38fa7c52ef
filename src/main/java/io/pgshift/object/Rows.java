package io.pgshift.object;

import java.util.List;

/**
 * Which rows a DATA entry moves when they are not simply all of its table's: kept as what they are, so that no
 * statement of an entry means something by its place in a list. Each mover (a copy, a dump) writes its own COPY
 * from them.
 */
public sealed interface Rows {
    /**
     * One range of a split table: the rows whose key the condition picks.
     *
     * @param condition a WHERE clause over the table's columns, without the keyword
     */
    record Range(String condition) implements Rows {
    }

    /**
     * The rows an extension marks for dumping in one of its configuration tables ({@code pg_extension_config_dump}),
     * which go in beside those the extension's own script inserted.
     *
     * @param columns   the columns copied, those that are not generated
     * @param condition the extension's filter as it registered it ({@code WHERE ...}), or empty for every row
     */
    record Selected(String schema, String table, List<String> columns, String condition) implements Rows {
        public Selected {
            columns = List.copyOf(columns);
            condition = condition == null ? "" : condition;
        }
    }
}
