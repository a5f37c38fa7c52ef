package io.pgshift.settings;

import java.util.Locale;
import java.util.Set;

/**
 * Parameters that describe one server installation rather than how the database should behave: where its files
 * are, where it listens, which certificate it presents, which primary, standbys and archive it works with. The new
 * server has its own, so they are neither compared nor carried: a port or a data directory that differs is right,
 * not a finding, and a copied one would point the new server at the old one's files.
 *
 * <p>The list follows the sections of PostgreSQL's "Server Configuration" chapter: File Locations, Connection
 * Settings, SSL (the file and command settings, not ssl or ssl_ciphers, which are policy), Where to Log (the
 * directory and the syslog and event log identities, not log_destination or log_filename, which are policy), Process
 * Title, and Replication (the standby, archive and recovery settings that name other servers or places).
 */
final class InstanceParameters {
    private static final Set<String> NAMES = Set.of(
            // File Locations: this installation's files. initdb and packagers set them per host.
            "data_directory", "config_file", "hba_file", "ident_file", "external_pid_file",
            // Connection Settings: the addresses, port and sockets of this host.
            "listen_addresses", "port", "unix_socket_directories", "unix_socket_group", "unix_socket_permissions",
            "bonjour", "bonjour_name",
            // SSL and GSSAPI files: this server's own certificate, key, CA and CRL files, and how it unlocks its key.
            "ssl_cert_file", "ssl_key_file", "ssl_ca_file", "ssl_crl_file", "ssl_crl_dir", "ssl_dh_params_file",
            "ssl_passphrase_command", "ssl_passphrase_command_supports_reload", "krb_server_keyfile",
            // Where to Log: a directory of this host, and the names it logs under.
            "log_directory", "syslog_ident", "event_source",
            // Process Title: names this instance among others on the host.
            "cluster_name",
            // Paths of the old host that only 9.6 to 14 have, or that name its libraries' directory.
            "stats_temp_directory", "dynamic_library_path",
            // Replication: the old server's primary, standbys and WAL archive. A new server archiving into the old
            // one's archive mixes two systems' WAL, and one waiting for the old standbys never commits.
            "primary_conninfo", "primary_slot_name", "synchronous_standby_names", "archive_command", "archive_library",
            "restore_command", "archive_cleanup_command", "recovery_end_command", "promote_trigger_file",
            "recovery_min_apply_delay",
            // Recovery targets describe one point-in-time recovery of that server, not its configuration.
            "recovery_target", "recovery_target_name", "recovery_target_time", "recovery_target_xid",
            "recovery_target_lsn", "recovery_target_inclusive", "recovery_target_timeline", "recovery_target_action");

    private InstanceParameters() {
    }

    static boolean contains(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}
