package io.pgshift.check;

import java.sql.Connection;

import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;

/**
 * One source database under check, with the target's database of the same name when it exists.
 *
 * @param source       read-only session on the source database
 * @param target       read-only session on the target database of the same name, or null when there is none
 * @param targetServer what the target server offers every database
 */
record DatabasePair(String name, Connection source, ServerVersion sourceVersion, Connection target,
                    TargetServer targetServer) {

    SourceContext sourceContext() {
        return new SourceContext(source, sourceVersion);
    }

    SourceContext targetContext() {
        return new SourceContext(target, targetServer.version());
    }

    ServerVersion targetVersion() {
        return targetServer.version();
    }
}
