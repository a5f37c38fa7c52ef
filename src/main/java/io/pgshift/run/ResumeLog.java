package io.pgshift.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.plan.Entry;

/**
 * What a copy or a restore has done so far, kept in a small file so that an interrupted run can go on where it
 * stopped ({@code --resume}). One JSON line per event, appended and flushed as the run goes: the plan's fingerprint
 * (and, for a copy, the source tables' modification counters) at the start, the schema once it is complete, each
 * load's target transaction id as soon as it is open, and each step once it is done. A step whose transaction id is
 * noted but not its end is settled on resume by asking the target ({@code txid_status}): the crash may have come
 * between its commit and the note. The file goes away when the run succeeds.
 */
final class ResumeLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private BufferedWriter out;

    /** What an earlier run noted. */
    record State(String fingerprint, Map<String, Long> changes, boolean schemaDone, Set<String> done,
                 Map<String, Long> transactions, Map<Integer, String> sessions) {
    }

    private ResumeLog(Path file) {
        this.file = file;
    }

    /**
     * The log of a run of the command ({@code copy}, {@code restore}) from this source (a database, a dump's path)
     * into this target database, under the state directory.
     */
    static ResumeLog of(Path stateDirectory, String command, String source, String target) {
        return new ResumeLog(stateDirectory.resolve(command + "-" + sha256(source + "\n" + target).substring(0, 16)
                + ".jsonl"));
    }

    /** The directory pgshift keeps its state in when none is given: $XDG_STATE_HOME/pgshift, else ~/.local/state. */
    static Path defaultDirectory() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("pgshift");
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The plan's fingerprint: every entry's kind, name and statements, in order, and what else names the run. */
    static String fingerprint(List<Entry> entries, String... more) {
        StringBuilder text = new StringBuilder();
        for (String m : more) {
            text.append(m).append('\n');
        }
        for (Entry e : entries) {
            text.append(e.kind().label()).append('\u0000').append(e.name()).append('\u0000')
                    .append(String.join("\u0001", e.sql())).append('\n');
        }
        return sha256(text.toString());
    }

    /** Starts a new log, replacing any earlier one. */
    void start(String fingerprint, Map<String, Long> changes) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw cannotWrite(e);
        }
        ObjectNode start = JSON.createObjectNode().put("event", "start").put("fingerprint", fingerprint);
        start.set("changes", JSON.valueToTree(changes));
        append(start);
    }

    /** Reads what the earlier run noted, and goes on appending to it. */
    State resume() {
        String fingerprint = null;
        Map<String, Long> changes = new HashMap<>();
        boolean schema = false;
        Set<String> done = new HashSet<>();
        Map<String, Long> transactions = new HashMap<>();
        Map<Integer, String> sessions = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    // The last line may have been cut by the crash; nothing after it was written.
                    break;
                }
                switch (n.path("event").asText()) {
                    case "start" -> {
                        fingerprint = n.path("fingerprint").asText();
                        n.path("changes").fields().forEachRemaining(f -> changes.put(f.getKey(), f.getValue().asLong()));
                    }
                    case "schema" -> schema = true;
                    case "began" -> transactions.put(n.path("step").asText(), n.path("xid").asLong());
                    case "done" -> done.add(n.path("step").asText());
                    case "session" -> sessions.put(n.path("pid").asInt(), n.path("started").asText());
                    default -> {
                        // An event of a later version: ignored.
                    }
                }
            }
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return new State(fingerprint, changes, schema, done, transactions, sessions);
    }

    void schemaDone() {
        append(JSON.createObjectNode().put("event", "schema"));
    }

    void began(String step, long transactionId) {
        append(JSON.createObjectNode().put("event", "began").put("step", step).put("xid", transactionId));
    }

    /** A target session of the run, by its server process and that process's start, which tell it apart. */
    void session(int pid, String started) {
        append(JSON.createObjectNode().put("event", "session").put("pid", pid).put("started", started));
    }

    void done(String step) {
        append(JSON.createObjectNode().put("event", "done").put("step", step));
    }

    /** The run succeeded: nothing is left to resume. */
    void remove() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Every line was flushed when it was written.
            }
            out = null;
        }
    }

    /** One line, flushed to the operating system: a killed process loses nothing it wrote. */
    private synchronized void append(ObjectNode event) {
        try {
            if (out == null) {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
            out.write(JSON.writeValueAsString(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private PgShiftException cannotWrite(Exception e) {
        return new PgShiftException(ErrorCode.IO, "cannot write the resume log " + file + ": " + e.getMessage(), e);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
