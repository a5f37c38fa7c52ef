package io.pgshift.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.progress.Phase;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;

class ReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void aReportIsReadableByItsOwnerOnlyAndLeavesNoTemporaryFileBehind() throws Exception {
        for (String name : new String[] {"r.json", "r.html"}) {
            Path file = dir.resolve(name);
            Files.writeString(file, "an older report, readable by all");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

            ReportFiles.write(Reports.sample(true), file);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file)).startsWith(name.endsWith(".html") ? "<!DOCTYPE html>" : "{");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("r.json", "r.html");
        }
    }

    @Test
    void aFailedRunStillWritesItsReportMarkedAsFailedWithTheError() throws Exception {
        Path file = dir.resolve("failed.json");
        ReportSession session = new ReportSession(file, "copy", "a@old:5432/app", "a@new:5432/app",
                ProgressListener.NONE);

        assertThatThrownBy(() -> session.run(() -> {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "COPY of public.t failed");
        }, r -> Contents.NONE)).hasMessage("COPY of public.t failed");

        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.get("succeeded").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(9);
        assertThat(json.get("error").asText()).isEqualTo("COPY of public.t failed");
    }

    @Test
    void withoutAFileTheSessionRecordsAndWritesNothing() {
        ReportSession session = new ReportSession(null, "copy", "a", "b", ProgressListener.NONE);
        assertThat(session.listener()).isSameAs(ProgressListener.NONE);
        assertThat(session.run(() -> "done", r -> Contents.NONE)).isEqualTo("done");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anItemIsPlacedOnTheWorkerThatReportedItFromWhenItStarted() throws Exception {
        Recorder recorder = new Recorder(ProgressListener.NONE);
        Progress data = new Progress(Phase.DATA, 1, 100);
        recorder.phaseStarted(data);
        Thread worker = new Thread(() -> {
            data.addBytes(100);
            recorder.itemDone(data, "public.t", 10, 100, Duration.ofMillis(50));
        }, "pgshift-worker-3");
        Thread.sleep(100);
        worker.start();
        worker.join();
        recorder.phaseFinished(data);
        recorder.close();

        Span item = recorder.timeline().stream().filter(s -> s.kind().equals(Span.ITEM)).findFirst().orElseThrow();
        assertThat(item.worker()).isEqualTo("pgshift-worker-3");
        assertThat(item.seconds()).isEqualTo(0.05);
        assertThat(item.start()).isGreaterThanOrEqualTo(0.05);
        Span phase = recorder.timeline().stream().filter(s -> s.kind().equals(Span.PHASE)).findFirst().orElseThrow();
        assertThat(phase.worker()).isEqualTo(Thread.currentThread().getName());
        assertThat(phase.end()).isGreaterThanOrEqualTo(item.end());
        assertThat(recorder.throughput().get(recorder.throughput().size() - 1).bytes()).isEqualTo(100);
    }

    @Test
    void twoLiveThreadsOfOneNameGetRowsOfTheirOwn() throws Exception {
        Recorder recorder = new Recorder(ProgressListener.NONE);
        Progress data = new Progress(Phase.DATA, 2, 0);
        java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Runnable work = () -> {
            recorder.itemDone(data, Thread.currentThread().getId() + "", 0, 0, Duration.ZERO);
            both.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread a = new Thread(work, "pgshift-worker-1");
        Thread b = new Thread(work, "pgshift-worker-1");
        a.start();
        b.start();
        both.await();
        done.countDown();
        a.join();
        b.join();
        recorder.close();
        assertThat(recorder.timeline()).extracting(Span::worker)
                .containsExactlyInAnyOrder("pgshift-worker-1", "pgshift-worker-1 (2)");
    }
}
