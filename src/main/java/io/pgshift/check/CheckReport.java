package io.pgshift.check;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything the pre-flight check found, errors first. Passwords never appear: servers are described by
 * {@code user@host:port/dbname}.
 *
 * @param databases  the source databases checked
 * @param findings   errors first, then warnings, then information
 * @param sizing     each checked database's size, recommended method and estimated duration
 * @param throughput the probe's measurement, or null when it did not run
 */
public record CheckReport(String source, String target, String sourceVersion, String targetVersion,
                          List<String> databases, List<Finding> findings, List<Sizing> sizing, Throughput throughput) {
    public CheckReport {
        databases = List.copyOf(databases);
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
        sizing = List.copyOf(sizing);
    }

    @JsonProperty("passed")
    public boolean passed() {
        return count(Severity.ERROR) == 0;
    }

    @JsonProperty("errors")
    public long errors() {
        return count(Severity.ERROR);
    }

    @JsonProperty("warnings")
    public long warnings() {
        return count(Severity.WARNING);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public List<Finding> withCode(FindingCode code) {
        return findings.stream().filter(f -> f.code().equals(code.id())).toList();
    }
}
