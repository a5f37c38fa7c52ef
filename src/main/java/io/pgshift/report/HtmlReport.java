package io.pgshift.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The report as one HTML page that works offline and on its own: the style is inline, the charts are SVG drawn
 * here, and there is no script, font, image or link to fetch. Every text from a server or a user is escaped.
 */
public final class HtmlReport {
    private static final int SLOWEST = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);
    private static final Set<String> BAD = Set.of("ERROR", "FAILED", "failed", "differs", "missing");
    private static final Set<String> WARN = Set.of("WARNING", "RUNNING", "NOT_RUN");
    private static final Set<String> GOOD = Set.of("DONE", "passed", "equal");

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1f2933;\
            background:#fff}
            h1{font-size:22px;margin:0 0 12px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d9e2ec}
            table{border-collapse:collapse;margin:4px 0}td,th{padding:3px 10px;border-bottom:1px solid #e4e7eb;\
            text-align:left;vertical-align:top}th{background:#f5f7fa}td.num{text-align:right;\
            font-variant-numeric:tabular-nums}
            .ok{color:#1e7b34;font-weight:600}.bad{color:#b42318;font-weight:600}.warn{color:#a15c07}
            .outcome{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff}
            .outcome.ok{background:#2f855a}.outcome.bad{background:#c53030}
            .note{color:#52606d;margin:2px 0 6px}.scroll{overflow-x:auto}
            svg.chart{display:block;font-size:11px}svg .lane{text-anchor:end;fill:#3e4c59}
            svg .tick{text-anchor:middle;fill:#7b8794}svg .grid{stroke:#e4e7eb;stroke-width:1}
            svg .inbar{fill:#fff;font-size:10px}svg .rate{fill:#9ecae9;stroke:#3182bd;stroke-width:1}
            svg rect:hover{opacity:.7}.legend span{margin-right:14px;white-space:nowrap}
            .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
            """;

    private HtmlReport() {
    }

    public static String toHtml(RunReport report) {
        double seconds = Math.max(report.took().toNanos() / 1e9,
                report.timeline().stream().mapToDouble(Span::end).max().orElse(0));
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>pgshift ").append(Html.escape(report.command())).append(" report</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        summary(page, report);
        page.append("<h2>Timeline</h2>");
        if (report.timeline().isEmpty()) {
            page.append("<p class=\"note\">This command reports no phases or items.</p>");
        } else {
            page.append("<p class=\"note\">Each row is a worker; hover over a bar for its name and time.</p>")
                    .append("<div class=\"scroll\">").append(TimelineSvg.draw(report.timeline(), seconds))
                    .append("</div>");
        }
        page.append("<h2>Throughput</h2>");
        String throughput = ThroughputSvg.draw(report.throughput(), seconds);
        page.append(throughput == null ? "<p class=\"note\">No bytes were moved.</p>"
                : "<p class=\"note\">Bytes moved per second, sampled while the run went on.</p><div class=\"scroll\">"
                        + throughput + "</div>");
        slowest(page, report.slowestTables(SLOWEST));
        for (Section s : report.contents().sections()) {
            section(page, s);
        }
        return page.append("\n</body></html>\n").toString();
    }

    private static void summary(StringBuilder page, RunReport r) {
        page.append("<h1>pgshift ").append(Html.escape(r.command())).append(" <span class=\"outcome ")
                .append(r.succeeded() ? "ok\">succeeded" : "bad\">failed").append("</span></h1><table>");
        row(page, "Exit code", String.valueOf(r.exitCode()));
        if (r.error() != null) {
            page.append("<tr><th>Error</th><td class=\"bad\">").append(Html.escape(r.error())).append("</td></tr>");
        }
        ZoneId zone = ZoneId.systemDefault();
        row(page, "Started", TIME.format(r.started().atZone(zone)));
        row(page, "Ended", TIME.format(r.ended().atZone(zone)));
        row(page, "Duration", Html.seconds(r.took().toNanos() / 1e9));
        if (r.source() != null) {
            row(page, "Source", r.source());
        }
        if (r.target() != null) {
            row(page, "Target", r.target());
        }
        page.append("</table>");
    }

    private static void row(StringBuilder page, String name, String value) {
        page.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>");
    }

    private static void slowest(StringBuilder page, List<Span> tables) {
        page.append("<h2>Slowest tables</h2>");
        if (tables.isEmpty()) {
            page.append("<p class=\"note\">No table's rows were moved.</p>");
            return;
        }
        page.append("<table><tr><th>Table</th><th>Time</th><th>Rows</th><th>Bytes</th><th>Worker</th></tr>");
        for (Span t : tables) {
            page.append("<tr><td>").append(Html.escape(t.name())).append("</td><td class=\"num\">")
                    .append(Html.seconds(t.seconds())).append("</td><td class=\"num\">").append(Html.count(t.rows()))
                    .append("</td><td class=\"num\">").append(Html.escape(Html.bytes(t.bytes()))).append("</td><td>")
                    .append(Html.escape(t.worker())).append("</td></tr>");
        }
        page.append("</table>");
    }

    private static void section(StringBuilder page, Section s) {
        page.append("<h2>").append(Html.escape(s.title())).append("</h2>");
        if (s.note() != null) {
            page.append("<p class=\"note\">").append(Html.escape(s.note())).append("</p>");
        }
        if (s.rows().isEmpty()) {
            page.append("<p class=\"note\">None.</p>");
            return;
        }
        page.append("<table><tr>");
        s.columns().forEach(c -> page.append("<th>").append(Html.escape(c)).append("</th>"));
        page.append("</tr>");
        for (List<String> row : s.rows()) {
            page.append("<tr>");
            for (String cell : row) {
                String css = cell == null ? "" : BAD.contains(cell) ? " class=\"bad\""
                        : WARN.contains(cell) ? " class=\"warn\"" : GOOD.contains(cell) ? " class=\"ok\"" : "";
                page.append("<td").append(css).append('>').append(Html.escape(cell)).append("</td>");
            }
            page.append("</tr>");
        }
        page.append("</table>");
    }
}
