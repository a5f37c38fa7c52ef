package io.pgshift.catalog;

import java.util.List;

import io.pgshift.catalog.routines.AggregateSource;
import io.pgshift.catalog.routines.LanguageSource;
import io.pgshift.catalog.routines.OperatorClassSource;
import io.pgshift.catalog.routines.OperatorSource;
import io.pgshift.catalog.routines.RoutineSource;
import io.pgshift.catalog.routines.TransformSource;
import io.pgshift.catalog.types.CastSource;
import io.pgshift.catalog.types.CollationSource;
import io.pgshift.catalog.types.ConversionSource;
import io.pgshift.catalog.types.TypeSource;

/** Every reader of object kinds beyond tables, sequences, views, constraints and indexes. */
final class ObjectSources {
    static final List<ObjectSource> ALL = List.of(
            new ExtensionSource(),
            new AccessMethodSource(),
            new TypeSource(),
            new CollationSource(),
            new ConversionSource(),
            new CastSource(),
            new LanguageSource(),
            new RoutineSource(),
            new AggregateSource(),
            new OperatorSource(),
            new OperatorClassSource(),
            new TransformSource(),
            new TextSearchSource(),
            new ForeignDataSource(),
            new ForeignTableSource(),
            new RuleSource(),
            new TriggerSource(),
            new PolicySource(),
            new StatisticsSource(),
            new EventTriggerSource(),
            new PublicationSource(),
            new SubscriptionSource(),
            new DefaultPrivilegeSource(),
            new LargeObjectSource(),
            new SecurityLabelSource(),
            new ChangedInitialPrivileges(ChangedInitialPrivileges.Scope.EXTENSION_MEMBERS),
            new ChangedInitialPrivileges(ChangedInitialPrivileges.Scope.BUILT_IN));

    private ObjectSources() {
    }
}
