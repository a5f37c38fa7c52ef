package io.pgshift.roles;

/** The boolean role attributes CREATE ROLE and ALTER ROLE set, in the order pg_dumpall writes them. */
enum Attribute {
    SUPERUSER, INHERIT, CREATEROLE, CREATEDB, LOGIN, REPLICATION, BYPASSRLS;

    /** {@code SUPERUSER} or {@code NOSUPERUSER}. */
    String keyword(boolean on) {
        return on ? name() : "NO" + name();
    }

    /** What CREATE ROLE gives a role that does not name the attribute. */
    boolean defaultValue() {
        return this == INHERIT;
    }
}
