package io.pgshift.connect;

import java.util.Optional;

/**
 * libpq's {@code target_session_attrs}, and the pgjdbc {@code targetServerType} each maps to.
 *
 * <p>pgjdbc calls a server "primary" when it is not in hot standby and {@code transaction_read_only}
 * is off, and "secondary" otherwise. That is exactly libpq's read-write / read-only. libpq's
 * primary / standby look only at hot standby, so a primary whose default_transaction_read_only is
 * on counts as a standby for pgjdbc: the nearest mapping, and the difference is documented here.
 */
enum TargetSessionAttrs {
    ANY("any", "any"),
    READ_WRITE("read-write", "primary"),
    READ_ONLY("read-only", "secondary"),
    PRIMARY("primary", "primary"),
    STANDBY("standby", "secondary"),
    PREFER_STANDBY("prefer-standby", "preferSecondary");

    private final String libpqName;
    private final String pgjdbcTargetServerType;

    TargetSessionAttrs(String libpqName, String pgjdbcTargetServerType) {
        this.libpqName = libpqName;
        this.pgjdbcTargetServerType = pgjdbcTargetServerType;
    }

    public String libpqName() {
        return libpqName;
    }

    /** The value for pgjdbc's {@code targetServerType} property. */
    public String pgjdbcTargetServerType() {
        return pgjdbcTargetServerType;
    }

    public static Optional<TargetSessionAttrs> fromLibpqName(String name) {
        for (TargetSessionAttrs t : values()) {
            if (t.libpqName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return libpqName;
    }
}
