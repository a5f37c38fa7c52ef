package io.pgshift.verify;

import java.sql.Connection;
import java.sql.SQLException;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;

/**
 * Proves that a target database equals its source: every object compared by its definition, every table by
 * row count and row hash. The source is only read.
 */
public final class Verification {
    private Verification() {
    }

    public static VerificationReport run(ConnInfo source, ConnInfo target) {
        try (Connection s = Connector.open(source); Connection t = Connector.open(target)) {
            return new VerificationReport(SchemaComparison.compare(s, t), TableVerifier.compare(s, t));
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "verification could not read a database: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
