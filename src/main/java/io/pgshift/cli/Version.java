package io.pgshift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * The version -V prints: the Maven project version and the commit the jar was built from, both written into
 * {@code version.properties} by the build. A build from a source tree without .git has no commit to name.
 */
final class Version implements IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {describe(load())};
    }

    static String describe(Properties p) {
        String version = resolved(p.getProperty("version"));
        String commit = resolved(p.getProperty("commit"));
        boolean dirty = commit != null && commit.endsWith("-dirty");
        return "pgshift " + (version == null ? "(unknown version)" : version) + " ("
                + (commit == null ? "unknown commit" : "commit " + commit.replaceFirst("-dirty$", "")
                        + (dirty ? ", with uncommitted changes" : "")) + ")";
    }

    /** A property the build could not fill in keeps its ${...} placeholder: it is as good as missing. */
    private static String resolved(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // A jar that cannot read its own resource still runs; the version is then unknown.
        }
        return p;
    }
}
