package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;

import io.pgshift.roles.TargetProfile;

/**
 * What to tell the user to change, by the managed service the server runs on: each service turns logical
 * replication on, and gives the right to replicate, in its own way.
 */
final class Provider {
    private final TargetProfile profile;

    private Provider(TargetProfile profile) {
        this.profile = profile;
    }

    static Provider of(Connection connection) throws SQLException {
        return new Provider(TargetProfile.detect(
                Statements.rows(connection, "SELECT rolname FROM pg_catalog.pg_roles", rs -> rs.getString(1)),
                Statements.rows(connection, "SELECT name FROM pg_catalog.pg_settings", rs -> rs.getString(1))));
    }

    String label() {
        return profile.label();
    }

    boolean isRds() {
        return profile == TargetProfile.RDS;
    }

    String walLevelFix() {
        return switch (profile) {
            case AZURE -> "on Azure, set the server parameter wal_level to logical (Server parameters in the portal, "
                    + "or az postgres flexible-server parameter set) and restart the server";
            case RDS -> "on RDS, set rds.logical_replication to 1 in the DB parameter group and reboot the instance";
            case CLOUDSQL -> "on Cloud SQL, set the database flag cloudsql.logical_decoding to on";
            default -> "run ALTER SYSTEM SET wal_level = logical as a superuser and restart the server";
        };
    }

    String replicationFix(String user) {
        return switch (profile) {
            case AZURE -> "on Azure, run ALTER ROLE " + user + " WITH REPLICATION as the admin";
            case RDS -> "on RDS, run GRANT rds_replication TO " + user;
            case CLOUDSQL -> "on Cloud SQL, run ALTER USER " + user + " WITH REPLICATION";
            default -> "run ALTER ROLE " + user + " WITH REPLICATION as a superuser";
        };
    }

    String restartSetting(String setting) {
        return switch (profile) {
            case AZURE -> "raise the server parameter " + setting + " and restart the server";
            case RDS -> "raise " + setting + " in the DB parameter group and reboot the instance";
            case CLOUDSQL -> "raise the database flag " + setting;
            default -> "raise " + setting + " (ALTER SYSTEM, then a restart)";
        };
    }
}
