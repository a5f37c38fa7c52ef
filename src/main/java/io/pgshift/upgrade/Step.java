package io.pgshift.upgrade;

/** The steps of an upgrade, in the order they run. */
public enum Step {
    CHECK("check"),
    ROLES("roles"),
    DATABASES("databases"),
    ROLE_SETTINGS("role settings in databases"),
    ANALYZE("analyze"),
    SETTINGS("settings comparison"),
    VERIFY("verify");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
