package io.pgshift.check;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.server.UserObjects;

/** A target database of the same name that already holds objects would mix two databases into one. */
final class TargetStateCheck {
    private static final int NAMED = 10;

    private TargetStateCheck() {
    }

    static List<Finding> check(DatabasePair db) throws SQLException {
        if (db.target() == null) {
            return List.of();
        }
        List<String> objects = UserObjects.list(db.target());
        if (objects.isEmpty()) {
            return List.of(FindingCode.TARGET_DATABASE_EXISTS.info(db.name(), List.of(db.name()), "the target "
                    + "database " + db.name() + " exists and is empty; it is filled as it is, with its own encoding, "
                    + "locale and owner"));
        }
        List<String> named = objects.subList(0, Math.min(NAMED, objects.size()));
        return List.of(FindingCode.TARGET_NOT_EMPTY.error(db.name(), named, "the target database " + db.name()
                + " already holds " + (objects.size() >= 1000 ? "1000 or more objects"
                        : objects.size() == 1 ? "an object" : objects.size() + " objects") + ", such as " + String.join(", ", named.subList(0, Math.min(3, named.size()))),
                "drop the target database (or its objects) first, or migrate into another server; "
                        + "pgshift copy --clean replaces the source's objects in it"));
    }
}
