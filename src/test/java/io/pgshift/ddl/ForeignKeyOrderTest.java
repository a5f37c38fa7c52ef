package io.pgshift.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Constraint;
import io.pgshift.catalog.DatabaseInfo;
import io.pgshift.catalog.Dependency;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.IndexDetails;
import io.pgshift.catalog.Table;
import io.pgshift.catalog.TableLayout;
import io.pgshift.plan.Entry;

import static org.assertj.core.api.Assertions.assertThat;

class ForeignKeyOrderTest {
    private static final long PARENT = 20000;
    private static final long CHILD = 20001;
    private static final long KEY_INDEX = 20002;
    private static final long PRIMARY_KEY = 20003;
    private static final long FOREIGN_KEY = 20004;

    @Test
    void aForeignKeyWaitsForTheKeyItReferencesEvenThoughBothNameItsIndex() {
        // The foreign key sorts after the primary key, as "audit" sorts after "Order Lines".
        Constraint primaryKey = new Constraint(PRIMARY_KEY, PARENT, "s", "Order Lines", "pk", 'p',
                "PRIMARY KEY (id)", true, true, 0, KEY_INDEX, null, 0, new IndexDetails(0, false, false, null, List.of(), null));
        Constraint foreignKey = new Constraint(FOREIGN_KEY, CHILD, "s", "audit", "fk", 'f',
                "FOREIGN KEY (line_id) REFERENCES s.\"Order Lines\"(id)", true, true, PARENT, KEY_INDEX, null, 0, null);
        Catalog catalog = new Catalog(new ServerVersion(120000), new DatabaseInfo(0, "db", "o", "UTF8", "C", "C", 'c', null, null, false, -1, List.of(), null, null),
                List.of(), List.of(table(PARENT, "Order Lines"), table(CHILD, "audit")), List.of(), List.of(),
                List.of(primaryKey, foreignKey), List.of(), List.of(),
                List.of(new Dependency(ObjectRef.constraint(FOREIGN_KEY), ObjectRef.relation(KEY_INDEX))));

        List<Entry> entries = new DdlWriter(catalog, DdlOptions.DEFAULTS).entries();

        Entry fk = entries.stream().filter(e -> e.ref().equals(ObjectRef.constraint(FOREIGN_KEY))).findFirst()
                .orElseThrow();
        assertThat(fk.dependsOn()).contains(ObjectRef.constraint(PRIMARY_KEY));
    }

    private static Table table(long oid, String name) {
        return new Table(oid, "s", name, "o", 'p', List.of(), 0, 0, null, null, TableLayout.PLAIN);
    }
}
