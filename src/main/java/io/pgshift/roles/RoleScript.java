package io.pgshift.roles;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The roles as a psql script that can run on a target holding none, some or all of them, and again: each role is
 * created when missing and altered either way, grants and settings repeat harmlessly. It runs in one
 * transaction, so a failure leaves the target as it was.
 */
final class RoleScript {
    private RoleScript() {
    }

    static void write(List<RoleStatement> statements, RoleMigrationResult result, String source, OutputStream out)
            throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("--\n-- Roles of " + oneLine(source) + " (PostgreSQL " + result.sourceVersion() + "), written by "
                + "pgshift roles for a " + result.profile().label() + " target.\n");
        w.write("-- Run it with: psql -v ON_ERROR_STOP=1 -f FILE   (safe to run again).\n");
        w.write("-- It holds password verifiers: keep it private.\n--\n\n");
        w.write("SET standard_conforming_strings = on;\nSET client_min_messages = warning;\n\nBEGIN;\n\n");
        for (RoleStatement statement : statements) {
            w.write(statement.sql());
            w.write(";\n\n");
        }
        w.write("COMMIT;\n");
        w.flush();
    }

    /** A header comment must stay one line whatever a connection description holds. */
    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
