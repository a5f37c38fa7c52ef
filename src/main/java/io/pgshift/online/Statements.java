package io.pgshift.online;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few ways online mode talks to a server: a statement, a query's rows, one value. */
final class Statements {
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Statements() {
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    static <T> List<T> rows(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        }
    }

    static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        return rows(connection, sql, row, parameters).stream().findFirst();
    }

    static String text(Connection connection, String sql, Object... parameters) throws SQLException {
        return first(connection, sql, rs -> rs.getString(1), parameters).orElse(null);
    }
}
