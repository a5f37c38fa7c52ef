package io.pgshift.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptedMessageTest {
    @Test
    void anInterruptedCopySaysTheTargetHoldsPartOfItAndHowToFinishOrStartOver() {
        assertThat(Main.interrupted(new String[] {"copy", "--source", "x"}))
                .contains("the target holds part of it").contains("--resume").contains("--clean");
    }

    @Test
    void anInterruptedRestoreSaysTheTargetHoldsPartOfItAndHowToFinishOrStartOver() {
        assertThat(Main.interrupted(new String[] {"restore", "x"}))
                .contains("the restore stopped").contains("the target holds part of it").contains("--resume")
                .contains("--clean");
    }

    @Test
    void anInterruptedDumpSaysItCannotBeRestored() {
        assertThat(Main.interrupted(new String[] {"dump"})).contains(".partial").contains("no manifest.json");
    }

    @Test
    void anInterruptedReadOnlyCommandWroteNothing() {
        assertThat(Main.interrupted(new String[] {"verify"})).isEqualTo("nothing was written");
    }
}
