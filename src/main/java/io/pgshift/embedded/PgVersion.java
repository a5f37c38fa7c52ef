package io.pgshift.embedded;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The PostgreSQL major versions pgshift can run embedded, each pinned to the one zonky binaries
 * artifact that pom.xml copies into target/pg-binaries. Pinning keeps every run on identical
 * binaries, so a test that passes here passes on CI.
 */
public enum PgVersion {
    V9_6("9.6", "9.6.24"),
    V10("10", "10.23.0"),
    V11("11", "11.22.0"),
    V12("12", "12.22.0"),
    V13("13", "13.22.0"),
    V14("14", "14.17.0"),
    V15("15", "15.12.0"),
    V16("16", "16.9.0"),
    V17("17", "17.5.0"),
    V18("18", "18.1.0");

    private final String major;
    private final String artifactVersion;

    PgVersion(String major, String artifactVersion) {
        this.major = major;
        this.artifactVersion = artifactVersion;
    }

    /** The version for a major as users write it: "9.6", "10", ..., "18". */
    public static PgVersion of(String major) {
        for (PgVersion version : values()) {
            if (version.major.equals(major)) {
                return version;
            }
        }
        String known = Arrays.stream(values()).map(PgVersion::major).collect(Collectors.joining(", "));
        throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION,
                "no embedded PostgreSQL " + major + "; available majors: " + known);
    }

    /** "9.6", "10", ..., "18". */
    public String major() {
        return major;
    }

    /** The zonky artifact version, e.g. "12.22.0"; also names the extracted cache directory. */
    public String artifactVersion() {
        return artifactVersion;
    }

    /** Before 10 the password hash is md5 and password_encryption is a boolean, not a method name. */
    boolean hasScram() {
        return this != V9_6;
    }

    @Override
    public String toString() {
        return major;
    }
}
