package io.pgshift.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import io.pgshift.report.ReportFiles;
import io.pgshift.report.ReportSession;
import io.pgshift.progress.ProgressListener;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** --report FILE.json or FILE.html, on every command that runs long: copy, dump, restore, verify and upgrade. */
final class ReportOption {
    @Option(names = "--report", paramLabel = "FILE", converter = Name.class,
            description = "Write a report of the run: FILE.json as JSON, FILE.html as one page that needs no network "
                    + "(a timeline of every worker, the throughput, the slowest tables). It is written also when the "
                    + "run fails, marked as failed with the error, and is readable by its owner only.")
    Path file;

    /** The name says the format, so a typo is a usage error now rather than a surprise after the run. */
    static final class Name implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            if (!ReportFiles.isReportName(path)) {
                throw new BadValue("must name a .json or .html file, not '" + value + "'");
            }
            return path;
        }
    }

    /** A report of the run to FILE, or a session that writes nothing without --report. */
    ReportSession session(String command, String source, String target, ProgressListener next) {
        return session(file, command, source, target, next);
    }

    static ReportSession session(Path file, String command, String source, String target, ProgressListener next) {
        if (file != null) {
            ReportFiles.checkWritable(file);
        }
        return new ReportSession(file, command, source, target, next);
    }

    /** Says where the report went, after the command's own summary. */
    static void written(ReportSession session, PrintWriter out) {
        if (session.file() != null) {
            out.println("Report written to " + session.file());
            out.flush();
        }
    }
}
