package io.pgshift.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pgshift.progress.Phase;
import io.pgshift.run.CopyResult;
import io.pgshift.run.PhaseResult;
import io.pgshift.run.TableResult;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryPrinterTest {
    private static final String WARNING = "table public.measurement_y2007m01 arrives with its columns in the order "
            + "city_id, logdate, peaktemp, unitsales, not logdate, city_id, unitsales, peaktemp";

    @Test
    void everyLineOfASummaryOnATerminalFitsEightyColumns() {
        String summary = print(true);

        assertThat(summary.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
        assertThat(summary).contains("slowest tables:").contains("in 3 parts").contains("1,000,000")
                .contains("public.a_table_whose_name_is_long_enough_to_need_a_line").contains("2 tables");
    }

    @Test
    void countsOfObjectsReadInThePlural() {
        assertThat(SummaryPrinter.plural("index", 3)).isEqualTo("indexes");
        assertThat(SummaryPrinter.plural("foreign key", 3)).isEqualTo("foreign keys");
        assertThat(SummaryPrinter.plural("policy", 2)).isEqualTo("policies");
        assertThat(SummaryPrinter.plural("statistics", 2)).isEqualTo("statistics");
        assertThat(SummaryPrinter.plural("database properties", 1)).isEqualTo("database properties");
        assertThat(SummaryPrinter.plural("table", 1)).isEqualTo("table");
    }

    @Test
    void inAFileEachWarningStaysOnOneLine() {
        assertThat(print(false).lines()).contains("    " + WARNING);
    }

    private static String print(boolean terminal) {
        Map<String, Integer> objects = new LinkedHashMap<>();
        for (String kind : List.of("TABLE", "INDEX", "PRIMARY KEY", "FOREIGN KEY", "SEQUENCE", "VIEW", "FUNCTION",
                "TRIGGER", "POLICY", "MATERIALIZED VIEW", "TEXT SEARCH CONFIGURATION")) {
            objects.put(kind, 1234);
        }
        CopyResult result = new CopyResult("postgres@source.example.com:5432/inventory", "postgres@target.example.com:"
                + "5432/inventory", "12", "17", true, objects,
                List.of(new PhaseResult(Phase.DATA, 2, 1_000_010, 128 << 20, Duration.ofSeconds(75))),
                List.of(new TableResult("public.pgbench_accounts", 1_000_000, 128L << 20, Duration.ofMillis(3100), 3,
                                Duration.ofMillis(1200)),
                        new TableResult("public.a_table_whose_name_is_long_enough_to_need_a_line", 10, 1 << 10,
                                Duration.ofMillis(20), 1, Duration.ZERO)),
                List.of(WARNING));
        StringWriter text = new StringWriter();
        SummaryPrinter.print(result, new PrintWriter(text), terminal);
        return text.toString();
    }
}
