package io.pgshift.plan;

import java.util.List;

/** Entries in an order that can be executed one after the other: dependencies always come first. */
public record Plan(List<Entry> entries) {

    public List<Entry> section(Section section) {
        return entries.stream().filter(e -> e.section() == section).toList();
    }
}
