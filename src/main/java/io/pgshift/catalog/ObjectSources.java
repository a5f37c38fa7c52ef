package io.pgshift.catalog;

import java.util.List;

/** Every reader of object kinds beyond tables, sequences, views, constraints and indexes. */
final class ObjectSources {
    static final List<ObjectSource> ALL = List.of(
            new RuleSource(),
            new TriggerSource(),
            new PolicySource(),
            new StatisticsSource(),
            new EventTriggerSource());

    private ObjectSources() {
    }
}
