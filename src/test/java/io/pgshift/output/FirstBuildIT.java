package io.pgshift.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Launcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher says what it does before a first build, which takes about a minute and printed nothing for 39 s. A
 * checkout of the launcher alone, with an mvn on the PATH that only puts the real jar in place, stands for a fresh
 * clone: what is tested is the launcher's own talk, not Maven.
 */
class FirstBuildIT {
    @TempDir
    Path checkout;

    @Test
    void aFirstRunSaysThatItBuildsTheJarAndWhenItIsBuilt() throws Exception {
        Path launcher = checkout.resolve("pgshift");
        Files.copy(Path.of(System.getProperty("basedir", ".")).resolve("pgshift"), launcher);
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(checkout.resolve("src/main"));
        Path bin = Files.createDirectories(checkout.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        // The jar names its libraries in target/lib, which the build puts beside it.
        Files.writeString(mvn, "#!/bin/sh\nmkdir -p target && cp '" + Launcher.jar() + "' target/pgshift.jar && cp -r '"
                + Launcher.jar().resolveSibling("lib") + "' target/lib\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--version").directory(checkout.toFile());
        builder.environment().put("PATH", bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv("PATH"));
        Path err = checkout.resolve("err");
        Path out = checkout.resolve("out");
        Process p = builder.redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).startsWith("pgshift: building the jar with Maven (first run, about a minute)")
                .contains("pgshift: built ");
        assertThat(Files.readString(out)).startsWith("pgshift ");
    }
}
