package io.pgshift.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A libpq password file ({@code ~/.pgpass}): lines of {@code hostname:port:database:username:password}.
 *
 * <p>As in libpq: a line starting with {@code #} is a comment; each of the first four fields is a
 * literal or {@code *}, which matches anything; {@code \:} and {@code \\} stand for {@code :} and
 * {@code \} (in every field, the password included); the first matching line wins; a line with
 * fewer than five fields never matches. On a POSIX file system a file that is not a plain file, or
 * that grants any access to group or others, is ignored with a warning, exactly as libpq does.
 *
 * <p>Host names are compared as written: for TCP connections libpq looks up the host exactly as
 * given, so {@code host=localhost} matches {@code localhost} lines and {@code host=127.0.0.1}
 * matches {@code 127.0.0.1} lines, never each other. (With no host at all libpq uses its default
 * Unix socket and searches for {@code localhost}; pgshift's default host is {@code localhost}, so
 * the lookup is the same.)
 */
final class PgPass {

    private static final Set<PosixFilePermission> GROUP_OR_WORLD = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** One usable line. A null field is the wildcard {@code *}. */
    private record Entry(String host, String port, String database, String user, String password) {
        boolean matches(String h, String p, String d, String u) {
            return field(host, h) && field(port, p) && field(database, d) && field(user, u);
        }

        private static boolean field(String pattern, String value) {
            return pattern == null || pattern.equals(value);
        }

        @Override
        public String toString() {
            return "Entry[" + host + ":" + port + ":" + database + ":" + user + ":********]";
        }
    }

    private final Path file;
    private final List<Entry> entries;
    private final String warning;

    private PgPass(Path file, List<Entry> entries, String warning) {
        this.file = file;
        this.entries = List.copyOf(entries);
        this.warning = warning;
    }

    /** Parses password file text; no permission checks (see {@link #load(Path)}). */
    public static PgPass parse(String text) {
        return new PgPass(null, parseEntries(text), null);
    }

    /**
     * Reads a password file. A missing file gives an empty result without a warning, like libpq;
     * a file libpq would refuse (not a plain file, group or world access) gives an empty result
     * with a {@link #warning()}.
     */
    public static PgPass load(Path file) {
        if (!Files.exists(file)) {
            return new PgPass(file, List.of(), null);
        }
        if (!Files.isRegularFile(file)) {
            return new PgPass(file, List.of(),
                    "password file \"" + file + "\" is not a plain file; it is ignored");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(GROUP_OR_WORLD::contains)) {
                return new PgPass(file, List.of(), "password file \"" + file
                        + "\" has group or world access; permissions should be u=rw (0600) or less;"
                        + " it is ignored");
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): libpq does not check there either.
        } catch (IOException e) {
            return new PgPass(file, List.of(), "cannot read password file \"" + file + "\": " + e.getMessage());
        }
        try {
            return new PgPass(file, parseEntries(Files.readString(file, StandardCharsets.UTF_8)), null);
        } catch (IOException | RuntimeException e) {
            // Deliberately no e.getMessage() of a decoding failure: it could quote file content.
            return new PgPass(file, List.of(), "cannot read password file \"" + file + "\": "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * The password of the first line matching all four values, if any. The values must be the
     * resolved ones (host as given, port as given or "5432", database, user). The result may be
     * an empty string when the matching line has an empty password; libpq then has no password.
     */
    public Optional<String> lookup(String host, String port, String database, String user) {
        if (database == null || database.isEmpty() || user == null || user.isEmpty()) {
            return Optional.empty(); // libpq does not search without both
        }
        String h = host == null || host.isEmpty() ? "localhost" : host;
        String p = port == null || port.isEmpty() ? "5432" : port;
        for (Entry e : entries) {
            if (e.matches(h, p, database, user)) {
                return Optional.of(e.password());
            }
        }
        return Optional.empty();
    }

    /** The file read, or null for parsed text. */
    public Path file() {
        return file;
    }

    /** Why the file was ignored or could not be read, if it was. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /** How many usable lines there are. */
    public int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "PgPass[" + (file == null ? "text" : file) + ", " + entries.size() + " entries"
                + (warning == null ? "" : ", ignored") + "]";
    }

    private static List<Entry> parseEntries(String text) {
        List<Entry> result = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
                end--;
            }
            line = line.substring(0, end);
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            Entry entry = parseLine(line);
            if (entry != null) {
                result.add(entry);
            }
        }
        return result;
    }

    /** Splits at unescaped colons; null when the line has fewer than five fields. */
    private static Entry parseLine(String line) {
        String[] fields = new String[4];
        int pos = 0;
        for (int f = 0; f < 4; f++) {
            StringBuilder value = new StringBuilder();
            int end = readField(line, pos, value);
            if (end == line.length()) {
                return null; // no colon after this field
            }
            boolean wildcard = end - pos == 1 && line.charAt(pos) == '*';
            fields[f] = wildcard ? null : value.toString();
            pos = end + 1; // past the colon
        }
        // The password: up to the next unescaped colon; a trailing lone backslash stays, as in libpq.
        StringBuilder password = new StringBuilder();
        readField(line, pos, password);
        return new Entry(fields[0], fields[1], fields[2], fields[3], password.toString());
    }

    /**
     * Appends the unescaped field starting at {@code pos} to {@code out}; returns the index of the
     * colon that ends it, or the line length when none does.
     */
    private static int readField(String line, int pos, StringBuilder out) {
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '\\' && pos + 1 < line.length()) {
                out.append(line.charAt(pos + 1));
                pos += 2;
            } else if (c == ':') {
                return pos;
            } else {
                out.append(c);
                pos++;
            }
        }
        return pos;
    }
}
