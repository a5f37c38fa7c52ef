package io.pgshift.roles;

/**
 * One statement for the target. {@code sql} may hold a password verifier and goes only to the target or into
 * the script file; {@code display} is the same statement with the verifier masked, for dry runs and messages.
 *
 * @param subject   what the statement does, for an error message: "create role alice"
 * @param onFailure null when a failure must stop the run; else what to do instead, and the warning to report
 */
record RoleStatement(String sql, String display, String subject, Fallback onFailure) {

    /**
     * @param instead a statement to run in place of the failed one, or null to go on without it
     * @param warning what the result reports, followed by the server's message
     */
    record Fallback(RoleStatement instead, String warning) {
    }

    /** A statement without secrets. */
    static RoleStatement of(String sql, String subject) {
        return new RoleStatement(sql, sql, subject, null);
    }

    /** The same statement, which may fail without stopping the run. */
    RoleStatement orElse(RoleStatement instead, String warning) {
        return new RoleStatement(sql, display, subject, new Fallback(instead, warning));
    }

    @Override
    public String toString() {
        return display;
    }
}
