package io.pgshift.tables;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.DumpRoundTrip;
import io.pgshift.testkit.PostgresServer;

/** The table torture fixtures dumped from PostgreSQL 12 and restored into 15 through each of the three formats. */
class TableTortureDumpRestoreIT {
    private static final String DB = "tables";

    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @TempDir
    static Path temp;
    static DumpRoundTrip roundTrip;

    @BeforeAll
    static void loadTheFixtures() throws Exception {
        TableTorture.load(source, DB);
        TableTorture.roles(target);
        roundTrip = new DumpRoundTrip(source, target, temp);
    }

    @Test
    void everyTableSurvivesAPlainScriptReplayedByPsql() throws Exception {
        roundTrip.plain(DB);
    }

    @Test
    void everyTableSurvivesAnArchiveThroughAPipe() throws Exception {
        roundTrip.archiveThroughAPipe(DB);
    }

    @Test
    void everyTableSurvivesAParallelDirectoryDumpAndRestore() throws Exception {
        roundTrip.directory(DB);
    }
}
