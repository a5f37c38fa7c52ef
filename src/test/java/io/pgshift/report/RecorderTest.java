package io.pgshift.report;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.progress.Phase;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;

import static org.assertj.core.api.Assertions.assertThat;

class RecorderTest {
    @Test
    void aDatabasesPhaseReachesTheTerminalWithItsLabelWhileAReportIsRecorded() {
        List<String> seen = new ArrayList<>();
        ProgressListener terminal = new ProgressListener() {
            @Override
            public void phaseStarted(String label, Progress progress) {
                seen.add("started " + label + " " + progress.phase().label());
            }

            @Override
            public void phaseFinished(String label, Progress progress) {
                seen.add("finished " + label + " " + progress.phase().label());
            }
        };
        Progress data = new Progress(Phase.DATA, 3, 0);
        try (Recorder recorder = new Recorder(terminal)) {
            recorder.phaseStarted("crm", data);
            recorder.phaseFinished("crm", data);

            assertThat(recorder.timeline()).hasSize(1);
        }
        assertThat(seen).containsExactly("started crm data", "finished crm data");
    }

    @Test
    void theRecorderPassesOnEveryCallAListenerCanReceive() {
        for (Method m : ProgressListener.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            assertThat(declares(m)).as("Recorder overrides " + m).isTrue();
        }
    }

    private static boolean declares(Method m) {
        try {
            Recorder.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
