package io.pgshift.roles;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.util.PSQLException;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;

/**
 * Runs role statements on the target in one transaction: roles, grants and settings all land or none does. A
 * statement that may fail runs under a savepoint, so its failure is reported and the run goes on.
 */
final class StatementRunner {
    private final Connection connection;
    private final List<String> warnings = new ArrayList<>();
    private RoleStatement current;

    private StatementRunner(Connection connection) {
        this.connection = connection;
    }

    /**
     * @return a warning for each statement that failed and was left out or replaced (one per failure, so a caller
     *         can count them)
     * @throws PgShiftException MIGRATION_FAILED, naming the statement's subject, when a statement that must not
     *                          fail does; the transaction is rolled back then
     */
    static List<String> run(Connection connection, List<RoleStatement> statements, ConnInfo target) {
        StatementRunner runner = new StatementRunner(connection);
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (RoleStatement statement : statements) {
                    runner.execute(st, statement);
                }
            }
            runner.current = null;
            connection.commit();
            return List.copyOf(runner.warnings);
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            String what = runner.current == null ? "commit the roles" : runner.current.subject();
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not " + what + " on " + target.describe()
                    + ": " + serverMessage(e) + "; no role was changed", e);
        }
    }

    private void execute(Statement st, RoleStatement statement) throws SQLException {
        current = statement;
        if (statement.onFailure() == null) {
            st.execute(statement.sql());
            return;
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            st.execute(statement.sql());
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
            warnings.add(statement.onFailure().warning() + ": " + serverMessage(e));
            if (statement.onFailure().instead() != null) {
                execute(st, statement.onFailure().instead());
            }
        }
    }

    /**
     * The server's own words, first line only. The statements pgshift sends here are never inside a function, so
     * the server has no statement text (and no verifier) to quote in its message.
     */
    static String serverMessage(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private static void rollbackQuietly(Connection connection, SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
