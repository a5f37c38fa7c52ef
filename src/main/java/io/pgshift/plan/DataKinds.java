package io.pgshift.plan;

/**
 * The kinds of DATA-section entries whose work is more than running their statements on the target.
 * Every other DATA entry (a sequence position, say) is just statements.
 */
public final class DataKinds {
    /** The rows of a table, streamed with COPY; the entry has no statements, its ref is the table's data. */
    public static final String TABLE = "TABLE DATA";

    /**
     * One range of a large table's rows, copied alongside the table's other ranges: the entry's first statement
     * is the {@code COPY (SELECT ... WHERE range) TO STDOUT} that runs on the source, its second the
     * {@code COPY ... FROM STDIN} that runs on the target. The table's {@link #TABLE} entry stays in the plan
     * and waits for every part, so whatever waits for the table's rows still waits for that entry.
     */
    public static final String TABLE_PART = "TABLE DATA PART";

    /**
     * Rows chosen by a query, added to what the target table already holds: the entry's first statement is
     * the {@code COPY (SELECT ...) TO STDOUT} that runs on the source, its second the
     * {@code COPY ... FROM STDIN} that runs on the target. An extension's configuration tables are copied so.
     */
    public static final String SELECTED_ROWS = "EXTENSION TABLE DATA";

    /** The contents of one large object, streamed in chunks; the entry's ref holds the large object's oid. */
    public static final String LARGE_OBJECT = "LARGE OBJECT DATA";

    private DataKinds() {
    }
}
