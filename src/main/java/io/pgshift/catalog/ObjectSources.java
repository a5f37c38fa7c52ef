package io.pgshift.catalog;

import java.util.List;

import io.pgshift.catalog.types.CastSource;
import io.pgshift.catalog.types.CollationSource;
import io.pgshift.catalog.types.ConversionSource;
import io.pgshift.catalog.types.TypeSource;

/** Every reader of object kinds beyond tables, sequences, views, constraints and indexes. */
final class ObjectSources {
    static final List<ObjectSource> ALL = List.of(
            new TypeSource(),
            new CollationSource(),
            new ConversionSource(),
            new CastSource(),
            new RuleSource(),
            new TriggerSource(),
            new PolicySource(),
            new StatisticsSource(),
            new EventTriggerSource());

    private ObjectSources() {
    }
}
