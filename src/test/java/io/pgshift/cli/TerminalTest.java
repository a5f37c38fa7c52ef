package io.pgshift.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTest {
    @Test
    void standardErrorIsATerminalWhenItIsATerminalDevice() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
    }

    @Test
    void aFileOrAPipeBehindStandardErrorIsNoTerminal() {
        assertThat(Terminal.isTerminalDevice("/home/dba/copy.log")).isFalse();
        assertThat(Terminal.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
    }
}
