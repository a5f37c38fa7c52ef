package io.pgshift.roles;

import java.util.Objects;

import io.pgshift.sql.Sql;

/**
 * A role's stored password as pg_authid holds it: a SCRAM-SHA-256 or md5 verifier (or, from servers that ran
 * with password_encryption off, the clear text). It goes into SQL sent to the target or written to a script,
 * and nowhere else: {@link #toString()} masks it, so a record or log line that holds one never shows it.
 */
final class Verifier {
    static final String MASK = "********";

    private final String value;

    Verifier(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The verifier as a SQL literal, for PASSWORD '...': only for statements, never for messages. */
    String literal() {
        return Sql.literal(value);
    }

    /** md5 verifiers are deprecated from PostgreSQL 18 on and refused by scram-sha-256 pg_hba lines. */
    boolean isMd5() {
        return value.length() == 35 && value.startsWith("md5");
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Verifier v && v.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
