package io.pgshift.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real launcher, {@code java -jar target/pgshift.jar ...}, as a child process with a
 * controlled environment: no libpq PG* variable and no JVM option variable of the parent is inherited,
 * HOME is the directory the test chooses, and only the variables the test passes are added. This is
 * what a user's shell does, so it proves what travels through the environment, a password file or
 * the command line. The jar exists during integration tests: Failsafe runs after {@code package}.
 */
public final class Launcher {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Launcher() {
    }

    /** What the child was started with and what it did. */
    public record Run(List<String> command, int exitCode, String out, String err) {
    }

    public static Path jar() {
        Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path jar = basedir.resolve("target").resolve("pgshift.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: integration tests run after `mvn package`");
        }
        return jar;
    }

    /**
     * Runs {@code java -jar target/pgshift.jar args...}.
     *
     * @param home the child's HOME (libpq's ~: ~/.pgpass, ~/.postgresql/root.crt)
     * @param env  variables added after the parent's PG* and JVM option variables were removed
     */
    public static Run run(Path home, Map<String, String> env, String... args) {
        ProcessBuilder builder = builder(home, env, args);
        List<String> command = builder.command();
        try {
            Path outFile = Files.createTempFile("pgshift-launcher-", ".out");
            Path errFile = Files.createTempFile("pgshift-launcher-", ".err");
            try {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                builder.redirectOutput(outFile.toFile());
                builder.redirectError(errFile.toFile());
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError("pgshift did not finish within " + TIMEOUT.toSeconds() + " s; stderr: "
                            + Files.readString(errFile, StandardCharsets.UTF_8));
                }
                return new Run(List.copyOf(command), process.exitValue(),
                        Files.readString(outFile, StandardCharsets.UTF_8),
                        Files.readString(errFile, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(outFile);
                Files.deleteIfExists(errFile);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.subList(0, 3) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pgshift ran", e);
        }
    }

    /**
     * Starts {@code java -jar target/pgshift.jar args...} and returns at once, for a test that signals the child
     * while it runs; its standard output and error go to files of the given directory.
     */
    public static Process start(Path home, Map<String, String> env, Path outputs, String... args) throws IOException {
        ProcessBuilder builder = builder(home, env, args);
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.redirectOutput(outputs.resolve("out").toFile());
        builder.redirectError(outputs.resolve("err").toFile());
        return builder.start();
    }

    /**
     * Starts pgshift as a child process, as {@link #start} does, and kills it with kill -9 once the condition holds:
     * a run interrupted the hardest way, for the tests of what it leaves behind and of {@code --resume}.
     *
     * @param moment what the condition waits for, for the failure message
     */
    public static void killWhen(Wait.Condition condition, String moment, Path home, Path outputs, String... args)
            throws Exception {
        Process child = start(home, Map.of(), outputs, args);
        boolean reached = Wait.until(condition, 120);
        child.destroyForcibly();
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("pgshift still ran 30 s after kill -9");
        }
        if (!reached) {
            throw new AssertionError("pgshift never reached " + moment + " within 120 s; it said:\n"
                    + Files.readString(outputs.resolve("err"), StandardCharsets.UTF_8));
        }
    }

    /** {@code java -jar target/pgshift.jar args...} with the controlled environment described above. */
    private static ProcessBuilder builder(Path home, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> childEnv = builder.environment();
        // libpq's variables all start with PG; pgshift's own (PGSHIFT_...) are kept.
        childEnv.keySet().removeIf(name -> name.startsWith("PG") && !name.startsWith("PGSHIFT_")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        childEnv.put("HOME", home.toAbsolutePath().toString());
        childEnv.putAll(env);
        return builder;
    }
}
