package io.pgshift.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.sql.Sql;
import io.pgshift.roles.TargetProfile;

/**
 * The statements that give the target the source's configuration: ALTER SYSTEM for each parameter the source
 * changes and the target has otherwise, under its new name where it was renamed. Per-instance parameters and values
 * the target already has are not in the comparison's list, so never here. A managed service refuses ALTER SYSTEM
 * (its admin is no superuser and the service owns the configuration), so for one the script is comments naming the
 * service's own mechanism instead. Nothing is run: the user reviews the file and runs it.
 */
public final class SettingsScript {
    private SettingsScript() {
    }

    /**
     * The script's text.
     *
     * @param profile the target's service; AUTO takes the one the comparison detected
     */
    public static String text(SettingsReport report, TargetProfile profile) {
        TargetProfile service = profile == TargetProfile.AUTO ? TargetProfile.of(report.targetService()) : profile;
        String mechanism = mechanism(service);
        StringBuilder out = new StringBuilder();
        out.append("-- pgshift compare settings: the source's configuration for the target\n");
        out.append("-- source: ").append(report.source()).append(" (PostgreSQL ").append(report.sourceVersion())
                .append(")\n-- target: ").append(report.target()).append(" (PostgreSQL ")
                .append(report.targetVersion()).append(")\n");
        out.append("-- Left out: per-instance parameters (port, paths, certificates, replication) and the values the "
                + "target already has.\n");
        if (mechanism == null) {
            out.append("-- Run it as a superuser outside a transaction block (ALTER SYSTEM refuses one), e.g. "
                    + "psql -f FILE.\n");
        } else {
            out.append("-- ").append(service.label()).append(" refuses ALTER SYSTEM: set each value below in ")
                    .append(mechanism).append(".\n");
        }
        out.append('\n');
        List<String> restarts = new ArrayList<>();
        int statements = 0;
        for (SettingsReport.Changed c : report.changed()) {
            SettingsReport.Carry carry = c.carry();
            if (carry == null) {
                out.append("-- ").append(c.name()).append(" = ").append(c.sourceValue()).append(" on the source: ")
                        .append(c.note() != null ? c.note() : "nothing to set on the target").append('\n');
                continue;
            }
            if (carry.restart()) {
                restarts.add(carry.name());
            }
            if (!carry.name().equals(c.name())) {
                out.append("-- ").append(c.name()).append(" = ").append(c.sourceValue()).append(" on the source: ")
                        .append(c.note()).append('\n');
            }
            if (mechanism == null) {
                out.append("ALTER SYSTEM SET ").append(name(carry.name())).append(" = ")
                        .append(carry.values().stream().map(Sql::literal).collect(Collectors.joining(", ")))
                        .append(';').append(carry.restart() ? " -- needs a restart" : "").append('\n');
                statements++;
            } else {
                out.append("-- ").append(carry.name()).append(" = ").append(String.join(", ", carry.values()))
                        .append(": set it in ").append(mechanism).append(carry.restart() ? "; needs a restart" : "")
                        .append('\n');
            }
        }
        if (statements > 0) {
            out.append("\nSELECT pg_catalog.pg_reload_conf();\n");
        }
        if (!restarts.isEmpty()) {
            out.append("-- Only a restart of the target applies ").append(String.join(", ", restarts)).append(".\n");
        }
        if (report.changed().isEmpty()) {
            out.append("-- Nothing to change: the target has every value the source's configuration sets.\n");
        }
        return out.toString();
    }

    /**
     * Writes the script to a new file, readable by its owner only as pgshift's other files are; an existing file is
     * not overwritten.
     */
    public static void write(SettingsReport report, TargetProfile profile, Path file) {
        String text = text(report, profile);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new PgShiftException(ErrorCode.IO, file + " already exists; choose a new file name", e);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot create " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where a managed service takes its parameters; null for a server that takes ALTER SYSTEM. */
    static String mechanism(TargetProfile service) {
        return switch (service) {
            case AZURE -> "the Azure server parameters (portal: Server parameters; az postgres flexible-server "
                    + "parameter set)";
            case RDS -> "the RDS DB parameter group of the instance (Aurora: its DB cluster parameter group)";
            case CLOUDSQL -> "the Cloud SQL database flags of the instance";
            default -> null;
        };
    }

    /** Parameter names are case-insensitive; a custom one (module.name) is two identifiers. */
    private static String name(String parameter) {
        List<String> parts = new ArrayList<>();
        for (String part : parameter.toLowerCase(Locale.ROOT).split("\\.", -1)) {
            parts.add(Sql.ident(part));
        }
        return String.join(".", parts);
    }
}
