package io.pgshift.settings;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceParametersTest {
    @Test
    void pathsAddressesCertificatesAndReplicationPeersArePerInstance() {
        assertThat(List.of("port", "listen_addresses", "unix_socket_directories", "data_directory",
                "config_file", "hba_file", "ident_file", "external_pid_file", "cluster_name", "ssl_cert_file",
                "ssl_key_file", "log_directory", "primary_conninfo", "synchronous_standby_names", "archive_command"))
                .allMatch(InstanceParameters::contains);
    }

    @Test
    void policiesAreNotPerInstanceEvenWhenTheyAreAboutFilesOrConnections() {
        assertThat(List.of("ssl", "ssl_ciphers", "log_filename", "log_destination", "max_connections",
                "archive_mode", "shared_buffers", "work_mem"))
                .noneMatch(InstanceParameters::contains);
    }
}
