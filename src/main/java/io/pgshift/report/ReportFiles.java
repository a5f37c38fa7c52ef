package io.pgshift.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * Writes a report as FILE.json or FILE.html. A report names servers, databases and tables, so it is readable by its
 * owner only, as the dumps are; it is written under a temporary name beside it and renamed when whole, so a reader
 * never sees half a report.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** Whether the name asks for the HTML page; otherwise it is JSON. */
    public static boolean isHtml(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html");
    }

    public static boolean isReportName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".html");
    }

    /** Writes the report in the format its name asks for. */
    public static void write(RunReport report, Path file) {
        write(isHtml(file) ? HtmlReport.toHtml(report) : JsonReport.toJson(report), file);
    }

    static void write(String text, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".partial",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new PgShiftException(ErrorCode.IO, "cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** An unwritable report is found before the run starts, not after it ran for hours. */
    public static void checkWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file) || dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new PgShiftException(ErrorCode.IO, "cannot write the report " + file + ": "
                    + (Files.isDirectory(file) ? "it is a directory" : "directory " + dir + " is missing or not writable"));
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Its name says it is partial; the error being reported matters more.
        }
    }
}
