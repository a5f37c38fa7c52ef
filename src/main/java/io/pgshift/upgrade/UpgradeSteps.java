package io.pgshift.upgrade;

/**
 * The server-wide steps of an upgrade that other packages provide. A null step is not part of this build; the
 * upgrade reports it as skipped.
 *
 * @param check        the pre-flight; an ERROR finding stops the upgrade before anything is written
 * @param roles        roles, memberships and their settings, before the databases (which name their owners)
 * @param roleSettings per-database role settings (ALTER ROLE ... IN DATABASE ... SET), once the databases exist
 * @param settings     the server parameters of both servers compared
 */
public record UpgradeSteps(ServerStep check, ServerStep roles, ServerStep roleSettings, ServerStep settings) {

    /**
     * The steps this build has. The check ({@code io.pgshift.check}), the roles ({@code io.pgshift.roles}) and
     * the settings comparison are wired here as they arrive, each as a lambda that calls its package and turns
     * what it found into findings.
     */
    public static UpgradeSteps available() {
        return new UpgradeSteps(null, null, null, null);
    }
}
