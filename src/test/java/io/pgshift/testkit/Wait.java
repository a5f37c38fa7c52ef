package io.pgshift.testkit;

/** Polls a condition on a server until it holds or time runs out, for tests that watch a run from outside. */
public final class Wait {
    private Wait() {
    }

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Whether the condition came to hold within the given seconds, asked every 50 ms. */
    public static boolean until(Condition condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.holds();
    }
}
