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

    @Test
    void aNotNullNameTheTargetNumberedIsTheServersChoiceAndIsDropped() {
        String older = "CREATE TABLE public.a_b (\n    c integer NOT NULL\n)";
        String newer = "CREATE TABLE public.a_b (\n    c integer CONSTRAINT a_b_c_not_null1 NOT NULL\n)";
        String quoted = "CREATE TABLE public.\"A\" (\n    c integer CONSTRAINT \"A_c_not_null2\" NOT NULL\n)";

        assertThat(VersionNeutral.of(newer)).isEqualTo(older);
        assertThat(VersionNeutral.of(quoted)).isEqualTo("CREATE TABLE public.\"A\" (\n    c integer NOT NULL\n)");
    }

    @Test
    void aNotNullNameAUserChoseIsKept() {
        String chosen = "CREATE TABLE public.t (\n    c integer CONSTRAINT c_present NOT NULL\n)";
        assertThat(VersionNeutral.of(chosen)).isEqualTo(chosen);
    }

    @Test
    void aDomainsNamedNotNullOnItsOwnLineReadsAsTheOlderBareNotNull() {
        String older = "CREATE DOMAIN public.str_domain AS text NOT NULL;\nALTER DOMAIN public.str_domain OWNER TO postgres";
        String newer = "CREATE DOMAIN public.str_domain AS text\n    CONSTRAINT str_domain_not_null NOT NULL;\n"
                + "ALTER DOMAIN public.str_domain OWNER TO postgres";

        assertThat(VersionNeutral.of(newer)).isEqualTo(VersionNeutral.of(older));
    }
}
