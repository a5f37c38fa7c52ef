package io.pgshift.run;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pgshift.object.ObjectRef;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;

import static org.assertj.core.api.Assertions.assertThat;
import io.pgshift.object.Kind;

class TableLocksTest {
    private static final ObjectRef PARENT = ObjectRef.relation(10);
    private static final ObjectRef PARTITION = ObjectRef.relation(11);
    private static final ObjectRef OTHER = ObjectRef.relation(20);
    private static final ObjectRef UNRELATED = ObjectRef.relation(30);

    private final List<Entry> tables = List.of(
            table(PARENT), table(PARTITION), table(OTHER), table(UNRELATED),
            new Entry(ObjectRef.of("pg_inherits", 11), Kind.TABLE_ATTACH, "public.p1", Section.PRE_DATA, List.of(),
                    Set.of(PARTITION, PARENT), PARTITION));
    private final TableLocks locks = TableLocks.of(tables);

    @Test
    void aPartitionBelongsToItsParentsFamily() {
        Entry onParent = foreignKey(PARENT, OTHER);
        Entry onPartition = foreignKey(PARTITION, UNRELATED);

        assertThat(locks.families(onParent)).containsAnyElementsOf(locks.families(onPartition));
    }

    @Test
    void aForeignKeyTouchesTheFamiliesOfItsTableAndOfTheReferencedOne() {
        Set<Long> touched = locks.families(foreignKey(PARTITION, OTHER));

        assertThat(touched).hasSize(2).containsAll(locks.families(index(PARENT)))
                .containsAll(locks.families(index(OTHER)));
    }

    @Test
    void foreignKeysTriggersAndLaterChecksAreExclusiveButIndexesAreNot() {
        assertThat(locks.exclusive(foreignKey(PARENT, OTHER))).isTrue();
        assertThat(locks.exclusive(entry("TRIGGER", PARENT))).isTrue();
        assertThat(locks.exclusive(entry("CHECK CONSTRAINT", PARENT))).isTrue();
        assertThat(locks.exclusive(index(PARENT))).isFalse();
        assertThat(locks.exclusive(entry("PRIMARY KEY", PARENT))).isFalse();
    }

    @Test
    void tablesThatDependOnNothingAreEachTheirOwnFamily() {
        assertThat(locks.families(index(OTHER))).doesNotContainAnyElementsOf(locks.families(index(UNRELATED)));
    }

    private static Entry table(ObjectRef t) {
        return new Entry(t, Kind.TABLE, "t" + t.oid(), Section.PRE_DATA, List.of(), Set.of(), t);
    }

    private static Entry foreignKey(ObjectRef on, ObjectRef references) {
        return new Entry(ObjectRef.constraint(100 + on.oid()), Kind.FOREIGN_KEY, "fk", Section.POST_DATA, List.of(),
                Set.of(on, ObjectRef.dataOf(on.oid()), ObjectRef.dataOf(references.oid())), on);
    }

    private static Entry index(ObjectRef on) {
        return entry("INDEX", on);
    }

    private static Entry entry(String kind, ObjectRef on) {
        return new Entry(ObjectRef.of("pg_class", 1000 + on.oid()), Kind.of(kind), kind, Section.POST_DATA, List.of(),
                Set.of(on, ObjectRef.dataOf(on.oid())), on);
    }
}
