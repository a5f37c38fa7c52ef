package io.pgshift.server;

import java.util.List;

/**
 * Which of a server's databases a whole-server command works on: {@code --databases a,b} (empty means every
 * database that is migrated at all) minus {@code --exclude-databases x}. Names are exact, not patterns.
 */
public record DatabaseSelection(List<String> include, List<String> exclude) {
    public static final DatabaseSelection ALL = new DatabaseSelection(List.of(), List.of());

    public DatabaseSelection {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }
}
