package io.pgshift.connect;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What libpq reads from the process it runs in: environment variables, the home directory
 * ({@code ~/.pgpass}, {@code ~/.postgresql/root.crt}, ...) and the operating-system user name
 * (the default database user). Injectable so that tests never depend on the machine they run on.
 */
public final class Environment {

    private final Map<String, String> vars;
    private final Path home;
    private final String osUser;

    private Environment(Map<String, String> vars, Path home, String osUser) {
        this.vars = Map.copyOf(vars);
        this.home = home;
        this.osUser = osUser;
    }

    /**
     * The real process environment. The home directory is {@code $HOME} when set and not empty
     * (as libpq does), else the JVM's {@code user.home}; the user is the JVM's {@code user.name}.
     */
    public static Environment system() {
        Map<String, String> env = System.getenv();
        String homeVar = env.get("HOME");
        String home = homeVar != null && !homeVar.isEmpty() ? homeVar : System.getProperty("user.home");
        return new Environment(env, home == null || home.isEmpty() ? null : Path.of(home),
                System.getProperty("user.name"));
    }

    /**
     * A fixed environment.
     *
     * @param vars   the environment variables (copied)
     * @param home   the home directory, or null when there is none
     * @param osUser the operating-system user name, or null when it cannot be determined
     */
    public static Environment of(Map<String, String> vars, Path home, String osUser) {
        return new Environment(Objects.requireNonNull(vars, "vars"), home, osUser);
    }

    /** The value of an environment variable, or null when it is not set (an empty value is set). */
    public String get(String name) {
        return vars.get(name);
    }

    /** The home directory, or null when unknown. */
    public Path home() {
        return home;
    }

    /** The operating-system user name, or null when unknown. */
    public String osUser() {
        return osUser;
    }

    @Override
    public String toString() {
        // Never list the variables: PGPASSWORD would be among them.
        return "Environment[home=" + home + ", osUser=" + osUser + ", " + vars.size() + " variables]";
    }
}
