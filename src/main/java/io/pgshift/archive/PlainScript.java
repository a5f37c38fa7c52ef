package io.pgshift.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.pgshift.plan.Entry;
import io.pgshift.sql.Sql;

/**
 * Writes a dump as one SQL script that psql replays: the guide's method 1. Rows go in {@code COPY ... FROM stdin}
 * blocks, exactly as pg_dump's plain format has them, so {@code psql -v ON_ERROR_STOP=1 -f} restores it.
 */
public final class PlainScript implements AutoCloseable {
    /** The last line of a whole script. */
    public static final String COMPLETE = "-- pgshift: end of the script, which is complete";
    /**
     * Written inside a COPY block whose rows were cut off: not COPY's end marker, so the server refuses the block and
     * psql -v ON_ERROR_STOP=1 stops, where the block's end marker alone would load the rows written so far.
     */
    private static final String BROKEN_COPY = "\\.pgshift: the rows above are incomplete\n";

    /** The session settings a restore needs, as pg_restore sets them; written once at the top. */
    private static final String PREAMBLE = """
            SET statement_timeout = 0;
            SET lock_timeout = 0;
            SET idle_in_transaction_session_timeout = 0;
            SET client_encoding = 'UTF8';
            SET standard_conforming_strings = on;
            SELECT pg_catalog.set_config('search_path', '', false);
            SET check_function_bodies = false;
            SET xmloption = content;
            SET client_min_messages = warning;
            SET row_security = off;

            """;

    private final OutputStream out;

    public PlainScript(OutputStream out) {
        this.out = out;
    }

    public void header(SourceInfo source) throws IOException {
        write("--\n-- pgshift dump of database " + oneLine(source.database()) + " from " + oneLine(source.server())
                + " (PostgreSQL " + source.serverVersion() + ")\n-- replay with: psql -v ON_ERROR_STOP=1 -f FILE\n--\n\n");
        write(PREAMBLE);
    }

    /** A drop of --clean, preceded by a comment that names what it drops. */
    public void drop(Entry drop) throws IOException {
        write("-- clean: " + drop.kind() + " " + oneLine(drop.name()) + "\n");
        for (String sql : drop.sql()) {
            write(sql + ";\n");
        }
        write("\n");
    }

    /** An entry's statements, preceded by a comment that names it. */
    public void statements(Entry entry) throws IOException {
        write("-- " + entry.section().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": " + entry.kind()
                + " " + oneLine(entry.name()) + "\n");
        for (String sql : entry.sql()) {
            write(sql + ";\n");
        }
        write("\n");
    }

    /**
     * Starts a COPY block and returns the stream its rows (in COPY text format) are written to; closing that
     * stream ends the block, and leaves the script open.
     */
    public OutputStream copyBlock(Entry entry, String copyTarget) throws IOException {
        return copyBlock(entry, copyTarget, null);
    }

    /**
     * As {@link #copyBlock(Entry, String)}; with a table, the block is put between {@code ALTER TABLE ... DISABLE
     * TRIGGER ALL} and {@code ENABLE TRIGGER ALL}, as pg_dump --disable-triggers writes a data-only script, so that
     * neither triggers nor foreign keys check the rows as they go in.
     */
    public OutputStream copyBlock(Entry entry, String copyTarget, String disableTriggersOf) throws IOException {
        write("-- data: " + oneLine(entry.name()) + "\n");
        if (disableTriggersOf != null) {
            write("ALTER TABLE " + disableTriggersOf + " DISABLE TRIGGER ALL;\n");
        }
        write("COPY " + copyTarget + " FROM stdin;\n");
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.write(("\\.\n" + (disableTriggersOf == null ? ""
                        : "ALTER TABLE " + disableTriggersOf + " ENABLE TRIGGER ALL;\n") + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /**
     * The script's last line, written only once everything before it is: a script that does not end with it was cut
     * short (a pipe that broke, a disk that filled), whatever psql made of it.
     */
    public void complete() throws IOException {
        write(COMPLETE + "\n");
    }

    /** Breaks a COPY block whose rows could not all be written; see {@link #BROKEN_COPY}. */
    public static void breakCopy(OutputStream block) throws IOException {
        block.write(BROKEN_COPY.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * After a failure, a script that has begun must not pass for a whole one: a statement that fails ends it, so
     * psql -v ON_ERROR_STOP=1 stops there with an error. Written as far as the stream still takes it.
     */
    public void fail(String why) {
        String reason = Sql.literal("pgshift failed, this script is incomplete: " + why).replace("$", "");
        try {
            write("\nDO $pgshift$BEGIN RAISE EXCEPTION '%', " + reason + "; END$pgshift$;\n");
            out.flush();
        } catch (IOException ignored) {
            // The output is gone: nothing can be added to it.
        }
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Names go into comments; a newline in one must not end the comment. */
    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public void close() throws IOException {
        out.flush();
        out.close();
    }
}
