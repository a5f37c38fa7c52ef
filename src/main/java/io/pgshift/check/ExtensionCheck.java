package io.pgshift.check;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Extensions the source database uses that the target server cannot install, or only at a lower version: the
 * schema of a missing one cannot be created, and a lower one may lack functions the source's objects call.
 */
final class ExtensionCheck {
    private ExtensionCheck() {
    }

    static List<Finding> check(DatabasePair db) throws SQLException {
        List<Finding> found = new ArrayList<>();
        List<String[]> installed = db.sourceContext().list(
                "SELECT extname, extversion FROM pg_catalog.pg_extension ORDER BY extname",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        for (String[] extension : installed) {
            String name = extension[0];
            String version = extension[1];
            List<String> available = db.targetServer().extensions().get(name);
            if (available == null || available.isEmpty()) {
                found.add(FindingCode.EXTENSION_MISSING.error(db.name(), List.of(name + " " + version),
                        "extension " + name + " (version " + version + " on the source) is not available on the "
                                + "target server", "install it on the target server (or ask the provider to allow "
                                + "it), or drop it from the source database if nothing uses it"));
                continue;
            }
            String highest = available.stream().max(VersionOrder.INSTANCE).orElseThrow();
            if (VersionOrder.INSTANCE.compare(highest, version) < 0) {
                found.add(FindingCode.EXTENSION_OLDER.warning(db.name(), List.of(name + " " + version),
                        "extension " + name + " is at version " + version + " on the source, but the target server "
                                + "offers " + highest + " at most", "install version " + version + " or later of "
                                + name + " on the target, or check that the source's objects do not need what it "
                                + "added"));
            }
        }
        return found;
    }
}
