package io.pgshift.report;

import java.util.List;
import java.util.Map;

/**
 * The timeline as an SVG Gantt chart drawn here, so the page needs no script: a row per worker, a bar per phase,
 * table copy, index build or statement batch, its tooltip (an SVG title) naming it with its time, rows and bytes.
 */
final class TimelineSvg {
    private static final double ROW = 18;
    private static final double BAR = 14;
    private static final double TOP = 24;
    /** Characters of a row's label that fit in the space left of the chart. */
    private static final int MAX_LABEL = 30;

    private TimelineSvg() {
    }

    static String draw(List<Span> timeline, double seconds) {
        List<Lanes.Lane> lanes = Lanes.of(timeline);
        Axis axis = new Axis(seconds);
        Palette palette = new Palette();
        double height = TOP + lanes.size() * ROW + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" aria-label=\"timeline\" viewBox=\"0 0 ")
                .append(Html.px(Axis.WIDTH)).append(' ').append(Html.px(height)).append("\" width=\"")
                .append(Html.px(Axis.WIDTH)).append("\" height=\"").append(Html.px(height)).append("\">");
        axis.draw(svg, TOP - 6, height - 4);
        for (int i = 0; i < lanes.size(); i++) {
            Lanes.Lane lane = lanes.get(i);
            double y = TOP + i * ROW;
            svg.append("<text class=\"lane\" x=\"").append(Html.px(Axis.LEFT - 8)).append("\" y=\"")
                    .append(Html.px(y + BAR - 3)).append("\"><title>").append(Html.escape(lane.label()))
                    .append("</title>").append(Html.escape(shortened(lane.label()))).append("</text>");
            for (Span s : lane.spans()) {
                bar(svg, s, axis, y, palette.colour(s.phase()));
            }
        }
        svg.append("</svg>");
        return svg.append(legend(palette.used())).toString();
    }

    private static void bar(StringBuilder svg, Span s, Axis axis, double y, String colour) {
        // At least a pixel wide: thousands of small tables still show where they ran.
        double width = Math.max(1, axis.width(s.seconds()));
        svg.append("<rect x=\"").append(Html.px(axis.x(s.start()))).append("\" y=\"").append(Html.px(y))
                .append("\" width=\"").append(Html.px(width)).append("\" height=\"").append(Html.px(BAR))
                .append("\" fill=\"").append(colour).append("\"><title>").append(Html.escape(tooltip(s)))
                .append("</title></rect>");
        if (!s.kind().equals(Span.ITEM) && width > 7 * s.name().length() + 8) {
            svg.append("<text class=\"inbar\" x=\"").append(Html.px(axis.x(s.start()) + 4)).append("\" y=\"")
                    .append(Html.px(y + BAR - 3)).append("\">").append(Html.escape(s.name())).append("</text>");
        }
    }

    /** A label that fits left of the chart keeps its end, where the worker's number and database's name are. */
    static String shortened(String label) {
        return label.length() <= MAX_LABEL ? label : "\u2026" + label.substring(label.length() - MAX_LABEL + 1);
    }

    static String tooltip(Span s) {
        StringBuilder b = new StringBuilder(s.name());
        if (s.kind().equals(Span.ITEM)) {
            b.append(" (").append(s.phase()).append(')');
        }
        b.append(": ").append(Html.seconds(s.seconds())).append(", from ").append(Html.seconds(s.start()));
        if (s.rows() > 0) {
            b.append(", ").append(Html.count(s.rows())).append(" rows");
        }
        if (s.bytes() > 0) {
            b.append(", ").append(Html.bytes(s.bytes()));
        }
        return b.toString();
    }

    private static String legend(Map<String, String> colours) {
        StringBuilder b = new StringBuilder("<p class=\"legend\">");
        colours.forEach((phase, colour) -> b.append("<span><i style=\"background:").append(colour).append("\"></i>")
                .append(Html.escape(phase)).append("</span>"));
        return b.append("</p>").toString();
    }
}
