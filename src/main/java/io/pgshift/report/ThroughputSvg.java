package io.pgshift.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Bytes per second over the run, from the samples: each step of the line is the rate between two samples. A retried
 * table takes its bytes back (the counters go down), which would read as a negative rate: it is drawn as none.
 */
final class ThroughputSvg {
    private static final double TOP = 24;
    private static final double PLOT_HEIGHT = 160;

    private ThroughputSvg() {
    }

    record Rate(double from, double to, double bytesPerSecond) {
    }

    static List<Rate> rates(List<Sample> samples) {
        List<Rate> rates = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            double seconds = b.at() - a.at();
            if (seconds > 0) {
                rates.add(new Rate(a.at(), b.at(), Math.max(0, (b.bytes() - a.bytes()) / seconds)));
            }
        }
        return rates;
    }

    /** The chart, or null when no bytes were moved (a schema-only run, a verification). */
    static String draw(List<Sample> samples, double seconds) {
        List<Rate> rates = rates(samples);
        double peak = rates.stream().mapToDouble(Rate::bytesPerSecond).max().orElse(0);
        if (peak <= 0) {
            return null;
        }
        double top = Axis.niceStep(peak / 4) * 4;
        Axis axis = new Axis(seconds);
        double bottom = TOP + PLOT_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" aria-label=\"throughput\" viewBox=\"0 0 ")
                .append(Html.px(Axis.WIDTH)).append(' ').append(Html.px(bottom + 10)).append("\" width=\"")
                .append(Html.px(Axis.WIDTH)).append("\" height=\"").append(Html.px(bottom + 10)).append("\">");
        axis.draw(svg, TOP - 6, bottom);
        for (int i = 0; i <= 4; i++) {
            double y = bottom - PLOT_HEIGHT * i / 4;
            svg.append("<line class=\"grid\" x1=\"").append(Html.px(Axis.LEFT)).append("\" y1=\"").append(Html.px(y))
                    .append("\" x2=\"").append(Html.px(Axis.LEFT + Axis.PLOT)).append("\" y2=\"").append(Html.px(y))
                    .append("\"/><text class=\"lane\" x=\"").append(Html.px(Axis.LEFT - 8)).append("\" y=\"")
                    .append(Html.px(y + 4)).append("\">").append(Html.escape(Html.bytes((long) (top * i / 4))))
                    .append("/s</text>");
        }
        StringBuilder path = new StringBuilder("M").append(Html.px(axis.x(rates.get(0).from()))).append(' ')
                .append(Html.px(bottom));
        for (Rate r : rates) {
            String y = Html.px(bottom - r.bytesPerSecond() / top * PLOT_HEIGHT);
            path.append(" L").append(Html.px(axis.x(r.from()))).append(' ').append(y)
                    .append(" L").append(Html.px(axis.x(r.to()))).append(' ').append(y);
        }
        path.append(" L").append(Html.px(axis.x(rates.get(rates.size() - 1).to()))).append(' ')
                .append(Html.px(bottom)).append(" Z");
        svg.append("<path class=\"rate\" d=\"").append(path).append("\"><title>peak ")
                .append(Html.escape(Html.bytes((long) peak))).append("/s</title></path></svg>");
        return svg.toString();
    }
}
