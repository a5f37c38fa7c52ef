package io.pgshift.analyze;

import java.util.List;

/**
 * One pass of ANALYZE over every table, with one statistics target.
 *
 * @param statisticsTarget the session's default_statistics_target; null keeps the server's own
 */
public record Stage(int number, Integer statisticsTarget) {
    static final List<Stage> ONCE = List.of(new Stage(1, null));

    /**
     * As vacuumdb --analyze-in-stages: coarse statistics (a target of 1, then 10) take a fraction of a full
     * ANALYZE and already spare the planner its worst guesses, so applications can come back before the
     * full statistics of the last stage are in.
     */
    static final List<Stage> IN_STAGES = List.of(new Stage(1, 1), new Stage(2, 10), new Stage(3, null));

    String sessionSetting() {
        return statisticsTarget == null ? "RESET default_statistics_target"
                : "SET default_statistics_target = " + statisticsTarget;
    }

    public String label() {
        return statisticsTarget == null ? "default statistics target" : "statistics target " + statisticsTarget;
    }
}
