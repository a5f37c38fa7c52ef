package io.pgshift.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an upgrade keeps so that {@code upgrade --resume} can go on after an interruption: which databases it
 * copied whole. A database it was copying has a copy's own resume log ({@link CopyRun#interrupted}); one it had
 * not begun has neither. Kept beside the copies' logs, and gone once the upgrade succeeded.
 */
public final class UpgradeLog {
    private static final String COPIED = "database ";

    private final ResumeLog log;

    private UpgradeLog(ResumeLog log) {
        this.log = log;
    }

    /** The log of an upgrade from this source server into this target server. */
    public static UpgradeLog of(Path stateDirectory, String source, String target) {
        return new UpgradeLog(ResumeLog.of(stateDirectory != null ? stateDirectory : ResumeLog.defaultDirectory(),
                "upgrade", source, target));
    }

    public boolean exists() {
        return log.exists();
    }

    public Path file() {
        return log.file();
    }

    /** Starts a new log, replacing an earlier one (an upgrade started over with --clean). */
    public void start() {
        log.start("", Map.of());
    }

    /** The databases the earlier run copied whole. */
    public Set<String> copied() {
        return log.resume().done().stream().filter(s -> s.startsWith(COPIED))
                .map(s -> s.substring(COPIED.length())).collect(Collectors.toSet());
    }

    /** Notes a database copied whole; its copy committed durably before it reported success. */
    public void copied(String database) {
        log.done(COPIED + database);
    }

    /** The upgrade succeeded: nothing is left to resume. */
    public void remove() {
        log.remove();
    }

    public void close() {
        log.close();
    }
}
