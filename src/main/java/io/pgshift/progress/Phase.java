package io.pgshift.progress;

/** The steps of a copy, in the order they run. */
public enum Phase {
    PREPARE("prepare"),
    SCHEMA("schema"),
    DATA("data"),
    INDEXES("indexes and constraints"),
    ANALYZE("analyze"),
    VERIFY("verify");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
