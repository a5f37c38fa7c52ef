package io.pgshift.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.pgshift.embedded.EmbeddedPostgres;

/** Runs the classic client tools and pgshift as child processes, timing them and watching their memory. */
final class Shell {
    static final Path PG_BIN = Path.of(System.getProperty("pgshift.pgClientBin", "/usr/lib/postgresql/15/bin"));

    private Shell() {
    }

    /** How long a command took and the peak resident memory of its top process, in bytes. */
    record Timing(double seconds, long peakRssBytes) {
    }

    /** Connection flags for the classic tools; the password goes through the environment only. */
    static String flags(EmbeddedPostgres server, String db) {
        return "-h " + server.host() + " -p " + server.port() + " -U " + server.superuser() + " -d " + db;
    }

    static Timing bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        return run(List.of("bash", "-o", "pipefail", "-c", script), env);
    }

    static Timing run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().putAll(env);
        pb.environment().put("PATH", PG_BIN + ":" + System.getenv("PATH"));
        Path log = Files.createTempFile("bench", ".log");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        long peak = 0;
        while (!p.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, peakRss(p.pid()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("command failed (" + p.exitValue() + "): " + command + "\n"
                    + Files.readString(log));
        }
        if (System.getenv("BENCH_KEEP_LOGS") != null) {
            System.out.println("    (output of " + command.get(0) + " kept in " + log + ")");
        } else {
            Files.deleteIfExists(log);
        }
        return new Timing(seconds, peak);
    }

    /** VmHWM, the kernel's high-water mark of resident memory, so short peaks between polls are not missed. */
    private static long peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process ended between the check and the read.
        }
        return 0;
    }
}
