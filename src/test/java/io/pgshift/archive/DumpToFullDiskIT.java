package io.pgshift.archive;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A dump into a file system that fills up: a real 1 MB tmpfs, mounted for the test (which needs root; it is
 * skipped otherwise), and a database whose rows do not fit in it even compressed.
 */
class DumpToFullDiskIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("15");

    @TempDir
    static Path temp;
    static Path disk;
    static boolean mounted;

    @BeforeAll
    static void mountASmallDisk() throws Exception {
        disk = temp.resolve("small");
        Files.createDirectories(disk);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        mounted = mount.waitFor() == 0;
        assumeTrue(mounted, "mounting a tmpfs needs root: " + new String(mount.getInputStream().readAllBytes()));
        source.createDatabase("big");
        // Random hex compresses to about half, so 6 MB of it is still three times the disk.
        source.execute("big", "CREATE TABLE noise AS SELECT i, md5(random()::text) || md5(random()::text) AS x "
                + "FROM generate_series(1, 100000) i");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", disk.toString()).start().waitFor();
        }
    }

    @Test
    void aDirectoryDumpIntoAFullDiskFailsWithOneLineAndWritesNoManifest() {
        Path dump = disk.resolve("dir");

        Cli.Run run = Cli.run("dump", "--source", Cli.conn(source, "big"), "-F", "directory", "-f", dump.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(11);
        assertOneErrorLine(run.err());
        assertThat(dump.resolve("manifest.json")).doesNotExist();
        Cli.Run restore = Cli.run("restore", "--list", dump.toString());
        assertThat(restore.exitCode()).isEqualTo(11);
        assertThat(restore.err()).contains("not a complete pgshift dump");
    }

    @Test
    void anArchiveDumpIntoAFullDiskFailsWithOneLine() throws Exception {
        Path archive = disk.resolve("big.archive");

        Cli.Run run = Cli.run("dump", "--source", Cli.conn(source, "big"), "-F", "archive", "-f", archive.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(11);
        assertOneErrorLine(run.err());
        Files.deleteIfExists(archive);
    }

    /** Progress lines may come first; the error itself is one line, without a stack trace. */
    private static void assertOneErrorLine(String err) {
        assertThat(err.lines().filter(l -> l.startsWith("pgshift:"))).as(err).hasSize(1);
        assertThat(err.lines().reduce((a, b) -> b).orElseThrow()).as(err)
                .startsWith("pgshift: file error: ").contains("No space left on device");
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
