package io.pgshift.roles;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.PgShiftException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetProfileTest {
    @Test
    void managedServicesAreRecognisedByTheirRolesOrTheirSettings() {
        assertThat(TargetProfile.detect(List.of("postgres", "azure_pg_admin"), List.of())).isEqualTo(TargetProfile.AZURE);
        assertThat(TargetProfile.detect(List.of("postgres"), List.of("azure.extensions"))).isEqualTo(TargetProfile.AZURE);
        assertThat(TargetProfile.detect(List.of("rdsadmin", "rds_superuser"), List.of())).isEqualTo(TargetProfile.RDS);
        assertThat(TargetProfile.detect(List.of("postgres"), List.of("rds.extensions"))).isEqualTo(TargetProfile.RDS);
        assertThat(TargetProfile.detect(List.of("cloudsqlsuperuser"), List.of())).isEqualTo(TargetProfile.CLOUDSQL);
        assertThat(TargetProfile.detect(List.of("postgres", "app"), List.of("work_mem"))).isEqualTo(TargetProfile.GENERIC);
    }

    @Test
    void eachServiceOwnsItsRolesAndReservesTheSameThreeAttributes() {
        assertThat(TargetProfile.AZURE.ownsRole("azure_pg_admin")).isTrue();
        assertThat(TargetProfile.AZURE.ownsRole("azuresu")).isTrue();
        assertThat(TargetProfile.RDS.ownsRole("rds_superuser")).isTrue();
        assertThat(TargetProfile.RDS.ownsRole("rdsadmin")).isTrue();
        assertThat(TargetProfile.RDS.ownsRole("rdsreader_app")).isFalse();
        assertThat(TargetProfile.CLOUDSQL.ownsRole("cloudsqlagent")).isTrue();
        assertThat(TargetProfile.GENERIC.ownsRole("azure_pg_admin")).isFalse();
        for (TargetProfile managed : List.of(TargetProfile.AZURE, TargetProfile.RDS, TargetProfile.CLOUDSQL)) {
            assertThat(List.of(Attribute.values())).filteredOn(managed::reserves)
                    .containsExactly(Attribute.SUPERUSER, Attribute.REPLICATION, Attribute.BYPASSRLS);
        }
        assertThat(List.of(Attribute.values())).noneMatch(TargetProfile.GENERIC::reserves);
    }

    @Test
    void profileNamesAreReadWhateverTheirCaseAndAnUnknownOneIsAUsageError() {
        assertThat(TargetProfile.of("Azure")).isEqualTo(TargetProfile.AZURE);
        assertThat(TargetProfile.of("cloudsql")).isEqualTo(TargetProfile.CLOUDSQL);
        assertThatThrownBy(() -> TargetProfile.of("heroku")).isInstanceOf(PgShiftException.class)
                .hasMessageContaining("use auto, generic, azure, rds or cloudsql");
    }

    @Test
    void aRoleMapIsOldEqualsNewAndNamesEachOldRoleOnce() {
        assertThat(RoleOptions.parseRoleMap(List.of("postgres=azure_admin", "a=b"))).containsEntry("postgres", "azure_admin")
                .containsEntry("a", "b");
        assertThatThrownBy(() -> RoleOptions.parseRoleMap(List.of("postgres"))).hasMessageContaining("expected old=new");
        assertThatThrownBy(() -> RoleOptions.parseRoleMap(List.of("a=b", "a=c"))).hasMessageContaining("names a twice");
        assertThatThrownBy(() -> RoleOptions.defaults().withRoleMap(java.util.Map.of("a", "a")))
                .hasMessageContaining("two different");
    }

    @Test
    void aRoleOfAnyManagedServiceIsRecognisedWhicheverServiceTheTargetIs() {
        assertThat(TargetProfile.anyOwns("azure_pg_admin")).isTrue();
        assertThat(TargetProfile.anyOwns("rds_superuser")).isTrue();
        assertThat(TargetProfile.anyOwns("cloudsqlsuperuser")).isTrue();
        assertThat(TargetProfile.anyOwns("app_owner")).isFalse();
        assertThat(TargetProfile.anyOwns("postgres")).isFalse();
    }

    @Test
    void theDetectionNamesTheRoleThatGaveTheServiceAway() {
        assertThat(TargetProfile.AZURE.markerAmong(List.of("app", "azure_pg_admin", "azuresu"))).isEqualTo("azure_pg_admin");
        assertThat(TargetProfile.RDS.markerAmong(List.of("app"))).isNull();
    }
}
