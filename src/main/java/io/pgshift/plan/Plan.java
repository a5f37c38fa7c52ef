package io.pgshift.plan;

import java.util.List;
import io.pgshift.object.Section;

/** Entries in an order that can be executed one after the other: dependencies always come first. */
public record Plan(List<Entry> entries) {

    /** The same plan without these entries; what depended on them no longer waits for them. */
    public Plan without(java.util.Set<io.pgshift.object.ObjectRef> refs) {
        return refs.isEmpty() ? this : new Plan(entries.stream().filter(e -> !refs.contains(e.ref())).toList());
    }

    public List<Entry> section(Section section) {
        return entries.stream().filter(e -> e.section() == section).toList();
    }
}
