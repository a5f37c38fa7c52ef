package io.pgshift.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

/**
 * A real `pgshift upgrade` from PostgreSQL 12 to 17 writes its HTML report, and headless Chromium renders it without
 * a console message. The screenshot is kept in target/report-screenshot.png (docs/report.png is one of them).
 */
class ReportPageIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @TempDir
    static Path dir;

    @BeforeAll
    static void bootstrap() {
        source.execute("postgres",
                "CREATE DATABASE rpt_shop",
                "CREATE DATABASE rpt_crm",
                "CREATE DATABASE rpt_scratch",
                // The settings comparison then has a parameter the target has otherwise.
                "ALTER SYSTEM SET work_mem = '7MB'",
                "SELECT pg_reload_conf()");
        source.execute("rpt_shop",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer text, amount numeric, note text)",
                "INSERT INTO orders SELECT g, 'customer ' || (g % 500), g * 1.5, repeat('x', 80) "
                        + "FROM generate_series(1, 300000) g",
                "CREATE INDEX orders_customer ON orders (customer)",
                "CREATE TABLE items (sku text PRIMARY KEY, qty integer)",
                "INSERT INTO items SELECT 'sku-' || g, g % 40 FROM generate_series(1, 100000) g",
                // A name that is markup: the page must show it as text.
                "CREATE TABLE \"<b>odd</b>\" (id integer PRIMARY KEY)",
                "INSERT INTO \"<b>odd</b>\" SELECT generate_series(1, 1000)");
        source.execute("rpt_crm",
                "CREATE TABLE contacts (id integer PRIMARY KEY, name text)",
                "INSERT INTO contacts SELECT g, 'name ' || g FROM generate_series(1, 150000) g",
                "CREATE TABLE notes (id integer PRIMARY KEY, body text)",
                "INSERT INTO notes SELECT g, repeat('n', 200) FROM generate_series(1, 50000) g");
    }

    @Test
    void anUpgradesHtmlReportRendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
        Path page = dir.resolve("upgrade.html");

        Cli.Run run = Cli.run("upgrade", "--source", serverConn(source), "--target", serverConn(target),
                "--jobs", "2", "--exclude-databases", "rpt_scratch", "--report", page.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Report written to " + page);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(page))).isEqualTo("rw-------");
        String html = Files.readString(page);
        assertThat(html).contains("<span class=\"outcome ok\">succeeded</span>")
                .contains("<h2>Timeline</h2>").contains(">worker-1</text>").contains(">worker-2")
                .contains("aria-label=\"throughput\"").contains("<h2>Slowest tables</h2>")
                .contains("<h2>Settings comparison</h2>").contains("work_mem")
                .contains("<h2>Check findings</h2>").contains("<h2>Verification</h2>").contains(">passed<")
                .contains("<h2>Skipped databases</h2>").contains("rpt_scratch")
                .contains("&lt;b&gt;odd&lt;/b&gt;").doesNotContain("<b>odd</b>")
                .doesNotContain(source.password()).doesNotContain(target.password())
                .doesNotContain("http://").doesNotContain("https://");

        Chromium.Result dom = Chromium.run(dir, "--dump-dom", page);
        // --enable-logging=stderr --v=0 makes Chromium write every console message of the page to standard error
        // as a line holding ":CONSOLE" (console.error, an uncaught exception, a refused resource). The page has no
        // script at all, so any such line is a failure. Chromium's own noise on a machine without D-Bus or a GPU
        // is on lines of other sources and does not count. --dump-dom then proves the page was parsed and laid out:
        // the DOM it prints after loading holds the SVG charts.
        assertThat(dom.consoleLines()).as(dom.stderr()).isEmpty();
        assertThat(dom.stdout()).contains("<svg class=\"chart\"").contains("<rect").contains("Slowest tables");

        Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Chromium.Result shot = Chromium.run(dir, "--screenshot=" + dir.resolve("shot.png"), page);
        assertThat(shot.consoleLines()).as(shot.stderr()).isEmpty();
        assertThat(Files.size(dir.resolve("shot.png"))).isGreaterThan(10_000);
        Files.copy(dir.resolve("shot.png"), screenshot, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Headless Chromium, started as the test machine allows: as root, without its sandbox, and offline. */
    static final class Chromium {
        record Result(String stdout, String stderr) {
            List<String> consoleLines() {
                return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
            }
        }

        static Result run(Path dir, String action, Path page) throws Exception {
            Path profile = Files.createTempDirectory(dir, "chromium-profile");
            List<String> command = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--enable-logging=stderr", "--v=0", "--window-size=1280,1600", action,
                    page.toUri().toString()));
            Path out = dir.resolve("chromium.out");
            Path err = dir.resolve("chromium.err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(err));
            }
            assertThat(p.exitValue()).as(Files.readString(err)).isZero();
            return new Result(Files.readString(out), Files.readString(err));
        }

        /** /usr/bin/chromium, as Debian's package installs it (.ci/run does), or CHROMIUM. */
        static String binary() {
            String chosen = System.getenv("CHROMIUM");
            String binary = chosen != null ? chosen : "/usr/bin/chromium";
            if (!new File(binary).canExecute()) {
                throw new AssertionError(binary + " is missing: install it with apt-get install -y chromium "
                        + "(.ci/run does), or name another Chromium in CHROMIUM");
            }
            return binary;
        }
    }

    private static String serverConn(PostgresServer server) {
        return "host=" + server.host() + " port=" + server.port() + " user=" + server.superuser() + " password='"
                + server.password() + "' sslmode=disable";
    }
}
