package io.pgshift.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PostgresServer;

/**
 * The live status as a user sees it: the real jar in a tmux window of 80 columns, whose screen is read while a
 * copy of a few seconds runs. tmux is a terminal of its own, so this is what an 80-column xterm shows.
 */
class TerminalStatusIT {
    private static final int COLUMNS = 80;
    /** A status line: a phase's name and its counts, not a line saying it is done. */
    private static final Pattern STATUS = Pattern.compile("^(prepare|schema|data|indexes and constraints|analyze):"
            + "(?! done).*");

    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @TempDir
    static Path temp;

    private static Path socket;

    @BeforeAll
    static void createADatabaseThatTakesSecondsToCopy() {
        source.createDatabase("big");
        // About 200 MB in two tables with keys: several seconds of rows, then index builds.
        source.execute("big",
                "CREATE TABLE wide (id integer PRIMARY KEY, hash text, filler text)",
                "INSERT INTO wide SELECT g, md5(g::text), repeat(md5(g::text), 6) FROM generate_series(1, 500000) g",
                "CREATE TABLE narrow (id integer PRIMARY KEY, hash text)",
                "INSERT INTO narrow SELECT g, md5(g::text) FROM generate_series(1, 400000) g");
        socket = temp.resolve("tmux.sock");
    }

    @AfterAll
    static void stopTmux() throws Exception {
        if (socket != null && Files.exists(socket)) {
            tmux("kill-server");
        }
    }

    @Test
    @Timeout(300)
    void aCopyOnAnEightyColumnTerminalUpdatesOneStatusInPlaceWithinTheWidth() throws Exception {
        // Every standard stream stays the terminal's, as in a user's shell; the status is drawn on standard error.
        Path script = copyScript("copy", "big", "");
        tmux("new-session", "-d", "-x", String.valueOf(COLUMNS), "-y", "24", "-s", "copy", "bash '" + script + "'");

        List<List<String>> screens = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        List<String> screen = List.of();
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-J", "-t", "copy").lines().map(String::stripTrailing).toList();
            screens.add(screen);
            if (screen.stream().anyMatch(l -> l.startsWith("pgshift exited"))) {
                break;
            }
            Thread.sleep(200);
        }
        String last = String.join("\n", screen);
        assertThat(screen).as(last).contains("pgshift exited 0");

        // -J joins the lines a terminal wrapped: a status line as wide as the old 131 characters shows here. The
        // summary at the end fits too.
        for (List<String> s : screens) {
            assertThat(s).as(String.join("\n", s))
                    .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(COLUMNS));
            assertThat(s.stream().filter(l -> STATUS.matcher(l).matches()).count()).as(String.join("\n", s))
                    .as("rows and index builds overlap: two status lines at most").isLessThanOrEqualTo(2);
        }
        List<String> dataStatus = screens.stream().flatMap(List::stream)
                .filter(l -> l.startsWith("data:") && l.contains(" of ~")).distinct().toList();
        assertThat(dataStatus).as("the data status changed while the copy ran").hasSizeGreaterThan(1);
        assertThat(screen.stream().filter(l -> l.startsWith("data:")).toList()).as(last)
                .as("what stays of the data phase is the one line saying it is done")
                .singleElement().satisfies(l -> assertThat(l).startsWith("data: done, "));
        assertThat(screen.stream().filter(l -> !l.isBlank()).count()).as(last)
                .as("the screen holds the summary, not one line per redraw").isLessThan(24);
    }

    @Test
    @Timeout(300)
    void aCopyWhoseStandardErrorGoesToAFileWritesPlainTimestampedLinesThereEvenOnATerminal() throws Exception {
        Path log = temp.resolve("copy.log");
        // Standard input and output stay the terminal's; only standard error goes to the file, as in
        // `pgshift copy ... 2>copy.log`.
        Path script = copyScript("copy-to-log", "big_logged", " 2>'" + log + "'");
        tmux("new-session", "-d", "-x", String.valueOf(COLUMNS), "-y", "24", "-s", "logged", "bash '" + script + "'");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        String screen = "";
        while (System.nanoTime() < deadline && !screen.contains("pgshift exited")) {
            Thread.sleep(200);
            screen = tmux("capture-pane", "-p", "-J", "-t", "logged");
        }
        assertThat(screen).contains("pgshift exited 0");

        String written = Files.readString(log);
        assertThat(written).as("no status redrawn in place").doesNotContain("\r").doesNotContain("\033");
        assertThat(written.lines().filter(l -> l.contains("data: ")).toList()).as(written).isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches("\\d{4}-\\d\\d-\\d\\dT.*"));
    }

    @Test
    void restoreListPrintsTheListingAloneOnStandardOutput() throws Exception {
        source.createDatabase("small");
        source.execute("small", "CREATE TABLE t (id integer)", "INSERT INTO t VALUES (1), (2)");
        Path dump = temp.resolve("small.dump");
        Cli.Run dumped = Cli.run("dump", "-F", "directory", "-f", dump.toString(), "--source", Cli.conn(source, "small"));
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();

        Cli.Run listed = Cli.run("restore", "--list", dump.toString());

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.err()).isEmpty();
        assertThat(listed.out().lines()).allSatisfy(l -> assertThat(l).matches(";.*|\\d+; .*"));
        assertThat(dumped.err()).as("the dump's own progress goes to standard error").contains("data: ");
    }

    /**
     * A script that runs the real jar's copy of the database big into {@code targetDb}, with {@code redirect} after
     * it, then says how it exited and keeps the window open to be read. The passwords go in a password file: written
     * in the connection strings, each would get a warning line wider than the window.
     */
    private static Path copyScript(String name, String targetDb, String redirect) throws IOException {
        Path passwords = temp.resolve(name + ".pgpass");
        Files.writeString(passwords, pgpassLine(source) + pgpassLine(target));
        Files.setPosixFilePermissions(passwords, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path script = temp.resolve(name + ".sh");
        Files.writeString(script, String.join("\n",
                "cd '" + temp + "'",
                "export PGPASSFILE='" + passwords + "'",
                "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '" + Launcher.jar()
                        + "' copy -j 2 --no-analyze --source '" + conn(source) + "' --target '"
                        + conn(target).replace("dbname=big", "dbname=" + targetDb) + "'" + redirect,
                "echo \"pgshift exited $?\"",
                "sleep 600", ""));
        return script;
    }

    private static String conn(PostgresServer server) {
        return "host=" + server.host() + " port=" + server.port() + " user=" + server.superuser()
                + " dbname=big sslmode=disable";
    }

    private static String pgpassLine(PostgresServer server) {
        String password = server.password().replace("\\", "\\\\").replace(":", "\\:");
        return server.host() + ":" + server.port() + ":*:" + server.superuser() + ":" + password + "\n";
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("tmux " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
