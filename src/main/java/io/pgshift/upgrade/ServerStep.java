package io.pgshift.upgrade;

import java.util.List;

import io.pgshift.connect.ConnInfo;

/**
 * A step another package implements (the check, the roles, the settings comparison), as the upgrade calls it:
 * with the two servers' connections (the database they name, if any, is only where to start) and the databases
 * being moved. It returns what it found; a failure throws a PgShiftException.
 */
@FunctionalInterface
public interface ServerStep {
    List<Finding> run(ConnInfo source, ConnInfo target, List<String> databases);
}
