package io.pgshift.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.object.Kind;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Section;
import io.pgshift.plan.Entry;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeLogTest {
    private static final Entry ACCOUNTS = new Entry(ObjectRef.of("pg_class", 16384), Kind.TABLE_DATA,
            "public.accounts", Section.DATA, List.of(), Set.of(), null);

    @Test
    void whatARunNotedIsReadBackByItsResumeEvenAfterALineCutByACrash(@TempDir Path dir) throws Exception {
        ResumeLog log = ResumeLog.of(dir, "restore", "/dumps/bench.dump", "host=db dbname=app");
        log.start("print", Map.of());
        log.schemaDone();
        log.session(4242, "2026-12-07 19:00:00.1+00");
        log.began("table data public.accounts", 777);
        log.done("index public.accounts_balance");
        log.close();
        Files.writeString(log.file(), "{\"event\":\"done\",\"st", java.nio.file.StandardOpenOption.APPEND);

        ResumeLog.State state = ResumeLog.of(dir, "restore", "/dumps/bench.dump", "host=db dbname=app").resume();

        assertThat(state.fingerprint()).isEqualTo("print");
        assertThat(state.schemaDone()).isTrue();
        assertThat(state.sessions()).containsEntry(4242, "2026-12-07 19:00:00.1+00");
        assertThat(state.transactions()).containsEntry("table data public.accounts", 777L);
        assertThat(state.done()).containsExactly("index public.accounts_balance");
    }

    @Test
    void aCopyAndARestoreBetweenTheSameNamesKeepLogsApart(@TempDir Path dir) {
        assertThat(ResumeLog.of(dir, "copy", "a", "b").file())
                .isNotEqualTo(ResumeLog.of(dir, "restore", "a", "b").file());
    }

    @Test
    void anotherDumpUnderTheSamePlanHasAnotherFingerprint() {
        assertThat(ResumeLog.fingerprint(List.of(ACCOUNTS), "2026-12-07T19:00:00Z"))
                .isNotEqualTo(ResumeLog.fingerprint(List.of(ACCOUNTS), "2026-12-08T19:00:00Z"))
                .isNotEqualTo(ResumeLog.fingerprint(List.of(ACCOUNTS)));
    }
}
