package io.pgshift.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionNeutralTest {
    @Test
    void aDerivedMultirangeNameIsDroppedWhereverItStands() {
        String older = "CREATE TYPE public.r AS RANGE (\n    subtype = public.mood\n);\nALTER TYPE public.r OWNER TO x";
        String newer = "CREATE TYPE public.r AS RANGE (\n    subtype = public.mood,\n"
                + "    multirange_type_name = public.r_multirange\n);\nALTER TYPE public.r OWNER TO x";
        assertThat(VersionNeutral.of(newer)).isEqualTo(VersionNeutral.of(older)).isEqualTo(older);

        String withOption = "CREATE TYPE public.r AS RANGE (\n    subtype = text,\n"
                + "    multirange_type_name = public.r_multirange,\n    subtype_opclass = text_pattern_ops\n)";
        assertThat(VersionNeutral.of(withOption))
                .isEqualTo("CREATE TYPE public.r AS RANGE (\n    subtype = text,\n    subtype_opclass = text_pattern_ops\n)");
    }

    @Test
    void aChosenMultirangeNameIsKept() {
        String chosen = "CREATE TYPE public.r AS RANGE (\n    subtype = public.mood,\n"
                + "    multirange_type_name = public.moods\n)";
        assertThat(VersionNeutral.of(chosen)).isEqualTo(chosen);
    }
}
