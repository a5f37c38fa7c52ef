package io.pgshift.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Section;

import static org.assertj.core.api.Assertions.assertThat;
import io.pgshift.object.Kind;

class DropsTest {
    @Test
    void anObjectIsDroppedByItsDesignationWithIfExistsAfterItsKind() {
        assertThat(Drops.of(def("FUNCTION", "FUNCTION public.f(integer)")))
                .isEqualTo("DROP FUNCTION IF EXISTS public.f(integer)");
        assertThat(Drops.of(def("POLICY", "POLICY \"p 1\" ON public.t")))
                .isEqualTo("DROP POLICY IF EXISTS \"p 1\" ON public.t");
        assertThat(Drops.of(def("TEXT SEARCH CONFIGURATION", "TEXT SEARCH CONFIGURATION public.c")))
                .isEqualTo("DROP TEXT SEARCH CONFIGURATION IF EXISTS public.c");
    }

    @Test
    void aLargeObjectIsUnlinkedOnlyIfItExists() {
        assertThat(Drops.of(def("LARGE OBJECT", "LARGE OBJECT 424242")))
                .isEqualTo("SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = 7");
    }

    @Test
    void whatIsNoObjectOfItsOwnHasNoDrop() {
        assertThat(Drops.of(def("PUBLICATION TABLE", "PUBLICATION pub"))).isNull();
        assertThat(Drops.of(def("DEFAULT PRIVILEGES", "DEFAULT PRIVILEGES FOR ROLE r"))).isNull();
    }

    private static ObjectDef def(String kind, String designation) {
        return ObjectDef.of(ObjectRef.of("pg_proc", 7), Kind.of(kind), "public", "x", designation, Section.PRE_DATA, List.of());
    }
}
