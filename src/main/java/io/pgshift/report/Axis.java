package io.pgshift.report;

/** The time axis both charts share: seconds from the run's start across the plot's width. */
final class Axis {
    static final double LEFT = 200;
    static final double WIDTH = 1180;
    static final double PLOT = WIDTH - LEFT - 20;

    private final double seconds;

    Axis(double seconds) {
        this.seconds = seconds > 0 ? seconds : 1;
    }

    double x(double at) {
        return LEFT + Math.max(0, Math.min(at, seconds)) / seconds * PLOT;
    }

    double width(double duration) {
        return duration / seconds * PLOT;
    }

    /** A round step between ticks (1, 2 or 5 times a power of ten) that gives about eight of them. */
    double tickStep() {
        return niceStep(seconds / 8);
    }

    static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double r = rough / power;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * power;
    }

    /** Ticks and their labels along a line at y, with faint grid lines down to bottom. */
    void draw(StringBuilder svg, double y, double bottom) {
        double step = tickStep();
        for (double t = 0; t <= seconds + step / 1000; t += step) {
            String x = Html.px(x(t));
            svg.append("<line class=\"grid\" x1=\"").append(x).append("\" y1=\"").append(Html.px(y))
                    .append("\" x2=\"").append(x).append("\" y2=\"").append(Html.px(bottom)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(x).append("\" y=\"").append(Html.px(y - 4))
                    .append("\">").append(Html.escape(Html.seconds(t))).append("</text>");
        }
    }
}
