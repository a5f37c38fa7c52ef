package io.pgshift.roles;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * What kind of server the roles go to. Managed services keep SUPERUSER, REPLICATION and BYPASSRLS for
 * themselves and own roles of their own, which a migration must neither create nor alter.
 */
public enum TargetProfile {
    /** Detect from the target: the provider's roles or settings. A script (-f) has no target to look at: generic. */
    AUTO(Set.of(), List.of(), Set.of(), null),
    /** A self-managed server: every attribute is set. */
    GENERIC(Set.of(), List.of(), Set.of(), null),
    /** Azure Database for PostgreSQL: azure_pg_admin, azuresu, azure_superuser, replication, azure.* settings. */
    AZURE(Set.of("azuresu", "replication"), List.of("azure_"), Set.of("azure_pg_admin", "azuresu"), "azure."),
    /** Amazon RDS and Aurora: rdsadmin, rds_superuser, rds_replication, ..., rds.* settings. */
    RDS(Set.of("rdsadmin", "rdsrepladmin", "rdstopmgr", "rdsproxyadmin"), List.of("rds_"),
            Set.of("rds_superuser", "rdsadmin"), "rds."),
    /** Google Cloud SQL: cloudsqlsuperuser, cloudsqladmin, cloudsqlagent, ..., cloudsql.* settings. */
    CLOUDSQL(Set.of(), List.of("cloudsql"), Set.of("cloudsqlsuperuser", "cloudsqladmin"), "cloudsql.");

    private final Set<String> roles;
    private final List<String> rolePrefixes;
    private final Set<String> markerRoles;
    private final String settingPrefix;

    TargetProfile(Set<String> roles, List<String> rolePrefixes, Set<String> markerRoles, String settingPrefix) {
        this.roles = roles;
        this.rolePrefixes = rolePrefixes;
        this.markerRoles = markerRoles;
        this.settingPrefix = settingPrefix;
    }

    /** From the command line: auto, generic, azure, rds or cloudsql. */
    public static TargetProfile of(String name) {
        for (TargetProfile p : values()) {
            if (p.label().equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new PgShiftException(ErrorCode.USAGE, "unknown target profile " + name
                + ": use auto, generic, azure, rds or cloudsql");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the managed services, which never let their customers set these attributes. */
    boolean managed() {
        return this == AZURE || this == RDS || this == CLOUDSQL;
    }

    /** The attributes a managed service reserves; nothing for a self-managed server. */
    boolean reserves(Attribute attribute) {
        return managed() && (attribute == Attribute.SUPERUSER || attribute == Attribute.REPLICATION
                || attribute == Attribute.BYPASSRLS);
    }

    /** A role the service creates and owns (azure_pg_admin, rds_superuser, cloudsqladmin, ...). */
    public boolean ownsRole(String role) {
        return roles.contains(role) || rolePrefixes.stream().anyMatch(role::startsWith);
    }

    /** A role that one of the managed services creates and owns, whichever service it is. */
    public static boolean anyOwns(String role) {
        return AZURE.ownsRole(role) || RDS.ownsRole(role) || CLOUDSQL.ownsRole(role);
    }

    /** The role whose presence gave the service away, for telling the user why; null for GENERIC. */
    public String markerAmong(Collection<String> roleNames) {
        return roleNames.stream().filter(markerRoles::contains).sorted().findFirst().orElse(null);
    }

    /** The service a server runs on, from its roles and setting names; GENERIC when none matches. */
    public static TargetProfile detect(Collection<String> roleNames, Collection<String> settingNames) {
        for (TargetProfile p : List.of(AZURE, RDS, CLOUDSQL)) {
            boolean role = roleNames.stream().anyMatch(p.markerRoles::contains);
            boolean setting = settingNames.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).startsWith(p.settingPrefix));
            if (role || setting) {
                return p;
            }
        }
        return GENERIC;
    }
}
