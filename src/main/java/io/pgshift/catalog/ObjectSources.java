package io.pgshift.catalog;

import java.util.List;

import io.pgshift.catalog.routines.AggregateSource;
import io.pgshift.catalog.routines.LanguageSource;
import io.pgshift.catalog.routines.OperatorClassSource;
import io.pgshift.catalog.routines.OperatorSource;
import io.pgshift.catalog.routines.RoutineSource;
import io.pgshift.catalog.routines.TransformSource;

/** Every reader of object kinds beyond tables, sequences, views, constraints and indexes. */
final class ObjectSources {
    static final List<ObjectSource> ALL = List.of(
            new RoutineSource(), new AggregateSource(), new OperatorSource(), new OperatorClassSource(),
            new LanguageSource(), new TransformSource());

    private ObjectSources() {
    }
}
