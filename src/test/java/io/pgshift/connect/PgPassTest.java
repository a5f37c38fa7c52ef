package io.pgshift.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassTest {

    @TempDir
    Path home;

    private Path write(String name, String content, String perms) throws IOException {
        Path f = home.resolve(name);
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    private Environment env(String... keyValues) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put(keyValues[i], keyValues[i + 1]);
        }
        return Environment.of(vars, home, "osuser");
    }

    @Test
    void firstMatchingLineWins() {
        PgPass p = PgPass.parse("db1:5432:app:bob:first\ndb1:5432:app:bob:second\n");
        assertThat(p.lookup("db1", "5432", "app", "bob")).contains("first");
    }

    @Test
    void wildcardsMatchAnything() {
        PgPass p = PgPass.parse("db1:*:app:bob:one\n*:*:*:carol:two\n");
        assertThat(p.lookup("db1", "6000", "app", "bob")).contains("one");
        assertThat(p.lookup("anywhere", "1", "any", "carol")).contains("two");
        assertThat(p.lookup("db2", "5432", "app", "bob")).isEmpty();
    }

    @Test
    void moreSpecificLinesMustComeFirst() {
        PgPass p = PgPass.parse("*:*:*:bob:generic\ndb1:5432:app:bob:specific\n");
        assertThat(p.lookup("db1", "5432", "app", "bob")).contains("generic");
    }

    @Test
    void escapedColonsAndBackslashesAreLiteral() {
        PgPass p = PgPass.parse("fe80\\:\\:1:5432:my\\\\db:bob:pa\\:ss\\\\word\n");
        assertThat(p.lookup("fe80::1", "5432", "my\\db", "bob")).contains("pa:ss\\word");
    }

    @Test
    void escapedStarIsALiteralStar() {
        PgPass p = PgPass.parse("\\*:5432:app:bob:literal\n");
        assertThat(p.lookup("db1", "5432", "app", "bob")).isEmpty();
        assertThat(p.lookup("*", "5432", "app", "bob")).contains("literal");
    }

    @Test
    void starIsAWildcardOnlyAsAWholeField() {
        PgPass p = PgPass.parse("db*:5432:app:bob:x\n");
        assertThat(p.lookup("db1", "5432", "app", "bob")).isEmpty();
    }

    @Test
    void commentsAndBlankLinesAreSkipped() {
        PgPass p = PgPass.parse("# db1:5432:app:bob:commented\n\n   \ndb1:5432:app:bob:real\n");
        assertThat(p.lookup("db1", "5432", "app", "bob")).contains("real");
    }

    @Test
    void lineWithTooFewFieldsNeverMatches() {
        PgPass p = PgPass.parse("db1:5432:app:bob\n*:*:*:*:fallback\n");
        assertThat(p.lookup("db1", "5432", "app", "bob")).contains("fallback");
    }

    @Test
    void extraFieldsAfterThePasswordAreIgnored() {
        assertThat(PgPass.parse("*:*:*:*:pw:junk\n").lookup("h", "5432", "d", "u")).contains("pw");
    }

    @Test
    void windowsLineEndingsAreStripped() {
        assertThat(PgPass.parse("db1:5432:app:bob:pw\r\n").lookup("db1", "5432", "app", "bob")).contains("pw");
    }

    @Test
    void localhostMatchesOnlyLocalhostLinesAsInLibpqOverTcp() {
        PgPass p = PgPass.parse("localhost:5432:app:bob:local\n127.0.0.1:5432:app:bob:loopback\n");
        assertThat(p.lookup("localhost", "5432", "app", "bob")).contains("local");
        assertThat(p.lookup("127.0.0.1", "5432", "app", "bob")).contains("loopback");
        assertThat(p.lookup(null, null, "app", "bob")).contains("local");
    }

    @Test
    void toStringNeverShowsPasswords() {
        assertThat(PgPass.parse("*:*:*:*:Sup3rS3cret\n").toString()).doesNotContain("Sup3rS3cret");
    }

    @Test
    void missingFileIsSilentlyEmpty() {
        PgPass p = PgPass.load(home.resolve("nope"));
        assertThat(p.size()).isZero();
        assertThat(p.warning()).isEmpty();
    }

    @Test
    void pgpassWithOwnerOnlyPermissionsIsUsed() throws IOException {
        PgPass p = PgPass.load(write(".pgpass", "*:*:*:*:pw\n", "rw-------"));
        assertThat(p.warning()).isEmpty();
        assertThat(p.lookup("h", "5432", "d", "u")).contains("pw");
    }

    @Test
    void pgpassIsIgnoredWhenWorldReadable() throws IOException {
        Path f = write(".pgpass", "*:*:*:*:pw\n", "rw-r--r--");
        PgPass p = PgPass.load(f);
        assertThat(p.lookup("h", "5432", "d", "u")).isEmpty();
        assertThat(p.warning()).get().asString().contains(f.toString()).contains("group or world access");
    }

    @Test
    void pgpassIsIgnoredWhenGroupReadable() throws IOException {
        PgPass p = PgPass.load(write(".pgpass", "*:*:*:*:pw\n", "rw-r-----"));
        assertThat(p.lookup("h", "5432", "d", "u")).isEmpty();
        assertThat(p.warning()).isPresent();
    }

    @Test
    void directoryIsNotAPlainFile() throws IOException {
        Path dir = Files.createDirectory(home.resolve("dir"));
        assertThat(PgPass.load(dir).warning()).get().asString().contains("not a plain file");
    }

    @Test
    void connInfoLooksUpWithTheResolvedValues() throws IOException {
        write(".pgpass", "localhost:5432:osuser:osuser:default-pw\ndb1:5433:app:bob:db1-pw\n", "rw-------");
        ConnInfo defaults = ConnInfo.parse("", env());
        assertThat(defaults.password()).contains("default-pw");
        assertThat(defaults.passwordSource()).get().asString().contains(".pgpass");

        ConnInfo other = ConnInfo.parse("postgresql://bob@db1:5433/app", env());
        assertThat(other.password()).contains("db1-pw");
        assertThat(ConnInfo.parse("postgresql://bob@db1:5432/app", env()).password()).isEmpty();
    }

    @Test
    void worldReadablePasswordFileIsIgnoredAndReported() throws IOException {
        write(".pgpass", "*:*:*:*:pw\n", "rw-rw-rw-");
        ConnInfo c = ConnInfo.parse("", env());
        assertThat(c.password()).isEmpty();
        assertThat(c.warnings()).singleElement().asString().contains("group or world access");
        // and pgjdbc is kept from reading the file itself
        assertThat(Connector.jdbcProperties(c).getProperty("authenticationPluginClassName"))
                .isEqualTo(NoPasswordPlugin.class.getName());
    }

    @Test
    void passfileKeywordWinsOverPgpassfileWhichWinsOverHome() throws IOException {
        write(".pgpass", "*:*:*:*:home\n", "rw-------");
        Path envFile = write("env.pgpass", "*:*:*:*:env\n", "rw-------");
        Path kwFile = write("kw.pgpass", "*:*:*:*:keyword\n", "rw-------");
        assertThat(ConnInfo.parse("", env()).password()).contains("home");
        assertThat(ConnInfo.parse("", env("PGPASSFILE", envFile.toString())).password()).contains("env");
        assertThat(ConnInfo.parse("passfile=" + kwFile, env("PGPASSFILE", envFile.toString())).password())
                .contains("keyword");
    }

    @Test
    void emptyExplicitPasswordStillSearchesThePasswordFile() throws IOException {
        write(".pgpass", "*:*:*:*:file-pw\n", "rw-------");
        assertThat(ConnInfo.parse("password=''", env()).password()).contains("file-pw");
    }

    @Test
    void portIsMatchedAsWrittenAndDefaultsTo5432() throws IOException {
        write(".pgpass", "db1:5432:*:*:default-port\ndb1:6432:*:*:bouncer\n", "rw-------");
        assertThat(ConnInfo.parse("host=db1", env()).password()).contains("default-port");
        assertThat(ConnInfo.parse("host=db1 port=6432", env()).password()).contains("bouncer");
    }

    @Test
    void hostaddrIsTheSearchKeyOnlyWithoutAHostName() throws IOException {
        write(".pgpass", "10.0.0.5:*:*:*:by-address\ndb1:*:*:*:by-name\n", "rw-------");
        assertThat(ConnInfo.parse("hostaddr=10.0.0.5", env()).password()).contains("by-address");
        assertThat(ConnInfo.parse("hostaddr=10.0.0.5 host=db1", env()).password()).contains("by-name");
    }

    @Test
    void emptyPasswordInTheFileMeansNoPassword() throws IOException {
        write(".pgpass", "*:*:*:*:\n", "rw-------");
        assertThat(ConnInfo.parse("", env()).password()).isEmpty();
    }

    @Test
    void differentPasswordsForSeveralHostsAreReported() throws IOException {
        write(".pgpass", "h1:*:*:*:pw-one\nh2:*:*:*:pw-two\n", "rw-------");
        ConnInfo c = ConnInfo.parse("host=h1,h2", env());
        assertThat(c.password()).contains("pw-one");
        assertThat(c.warnings()).singleElement().asString().contains("different passwords").doesNotContain("pw-");
    }
}
