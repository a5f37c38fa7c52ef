package io.pgshift.catalog;

import java.util.List;

/** Every reader of object kinds beyond tables, sequences, views, constraints and indexes. */
final class ObjectSources {
    static final List<ObjectSource> ALL = List.of(
            new ExtensionSource(), new TextSearchSource(), new ForeignDataSource(), new ForeignTableSource(),
            new PublicationSource(), new DefaultPrivilegeSource(), new LargeObjectSource(),
            new ExtensionMemberPrivileges());

    private ObjectSources() {
    }
}
