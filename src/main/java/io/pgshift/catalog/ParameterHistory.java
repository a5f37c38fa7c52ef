package io.pgshift.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.ServerVersion;

/**
 * How server parameters changed from PostgreSQL 9.6 to 18, read from one data file per major version
 * ({@code pg10.json} holds what changed from 9.6 to 10). The renamed, removed and added names were found by
 * comparing pg_settings of every version's latest minor release; the notes and the default changes worth
 * knowing come from the release notes. A new major version needs a new file and {@link #LAST} raised.
 */
public final class ParameterHistory {
    static final int FIRST = 10;
    static final int LAST = 18;

    private static final ParameterHistory BUILT_IN = load();

    private final List<ParameterChange> changes;

    public ParameterHistory(List<ParameterChange> changes) {
        this.changes = List.copyOf(changes);
    }

    /** The history shipped with pgshift. */
    public static ParameterHistory builtIn() {
        return BUILT_IN;
    }

    public List<ParameterChange> all() {
        return changes;
    }

    /** The changes a server goes through from the source's major version to the target's, oldest first. */
    public List<ParameterChange> between(ServerVersion source, ServerVersion target) {
        int from = major(source);
        int to = major(target);
        return changes.stream().filter(c -> c.version() > from && c.version() <= to).toList();
    }

    /** When and how the parameter was renamed or removed, if it was. */
    public Optional<ParameterChange> retirement(String name) {
        return changes.stream().filter(c -> c.retires() && c.name().equals(name)).findFirst();
    }

    /** The major version as a plain number: 9 for 9.6, then 10, 11, ... */
    static int major(ServerVersion version) {
        return version.number() / 10000;
    }

    private static ParameterHistory load() {
        ObjectMapper json = new ObjectMapper();
        List<ParameterChange> changes = new ArrayList<>();
        for (int version = FIRST; version <= LAST; version++) {
            // The files are the parameter history of compare settings, which reads it from here too.
            String file = "/io/pgshift/settings/pg" + version + ".json";
            try (InputStream in = ParameterHistory.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IOException("it is missing from the build");
                }
                changes.addAll(parse(json.readTree(in), version, file));
            } catch (IOException | RuntimeException e) {
                throw new PgShiftException(ErrorCode.INTERNAL, "cannot read the parameter history " + file + ": "
                        + e.getMessage(), e);
            }
        }
        return new ParameterHistory(changes);
    }

    static List<ParameterChange> parse(JsonNode file, int expectedVersion, String where) {
        int version = file.path("version").asInt(-1);
        if (version != expectedVersion) {
            throw new IllegalArgumentException(where + " says version " + version + ", expected " + expectedVersion);
        }
        List<ParameterChange> changes = new ArrayList<>();
        for (JsonNode c : file.path("changes")) {
            ParameterChange.Kind kind = ParameterChange.Kind.valueOf(c.path("change").asText().toUpperCase(Locale.ROOT));
            String name = c.path("name").asText();
            if (name.isEmpty() || kind == ParameterChange.Kind.RENAMED && text(c, "replacement") == null) {
                throw new IllegalArgumentException(where + " has an incomplete entry: " + c);
            }
            changes.add(new ParameterChange(name, version, kind, text(c, "replacement"), text(c, "from"),
                    text(c, "to"), text(c, "note"), c.path("oldNameAccepted").asBoolean(false)));
        }
        return changes;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
