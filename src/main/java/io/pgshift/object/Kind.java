package io.pgshift.object;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every kind of object and step a plan holds, as pg_dump's list of dumpable object types has them. The label is what
 * listings, dump manifests and messages show, the words pg_dump's table of contents uses where it has them; the
 * plan never compares labels to find a kind.
 */
public enum Kind {
    SCHEMA("SCHEMA"),
    EXTENSION("EXTENSION"),
    TYPE("TYPE"),
    SHELL_TYPE("SHELL TYPE"),
    DOMAIN("DOMAIN"),
    FUNCTION("FUNCTION"),
    PROCEDURE("PROCEDURE"),
    AGGREGATE("AGGREGATE"),
    OPERATOR("OPERATOR"),
    OPERATOR_CLASS("OPERATOR CLASS"),
    OPERATOR_FAMILY("OPERATOR FAMILY"),
    ACCESS_METHOD("ACCESS METHOD"),
    COLLATION("COLLATION"),
    CONVERSION("CONVERSION"),
    CAST("CAST"),
    LANGUAGE("LANGUAGE"),
    TRANSFORM("TRANSFORM"),
    TEXT_SEARCH_PARSER("TEXT SEARCH PARSER"),
    TEXT_SEARCH_TEMPLATE("TEXT SEARCH TEMPLATE"),
    TEXT_SEARCH_DICTIONARY("TEXT SEARCH DICTIONARY"),
    TEXT_SEARCH_CONFIGURATION("TEXT SEARCH CONFIGURATION"),
    FOREIGN_DATA_WRAPPER("FOREIGN DATA WRAPPER"),
    SERVER("SERVER"),
    USER_MAPPING("USER MAPPING"),
    SEQUENCE("SEQUENCE"),
    TABLE("TABLE"),
    /** A partition attached to its parent by ALTER TABLE ... ATTACH PARTITION. */
    TABLE_ATTACH("TABLE ATTACH"),
    /** A column's default set apart from its table to break a dependency loop. */
    DEFAULT("DEFAULT"),
    FOREIGN_TABLE("FOREIGN TABLE"),
    VIEW("VIEW"),
    MATERIALIZED_VIEW("MATERIALIZED VIEW"),
    /** A whole table's rows. */
    TABLE_DATA("TABLE DATA"),
    /** One range of the rows of a table that is copied in several ranges at once. */
    TABLE_DATA_PART("TABLE DATA PART"),
    /** The rows of an extension's configuration table that its filter selects. */
    EXTENSION_TABLE_DATA("EXTENSION TABLE DATA"),
    SEQUENCE_SET("SEQUENCE SET"),
    LARGE_OBJECT("LARGE OBJECT"),
    LARGE_OBJECT_DATA("LARGE OBJECT DATA"),
    MATERIALIZED_VIEW_DATA("MATERIALIZED VIEW DATA"),
    INDEX("INDEX"),
    INDEX_ATTACH("INDEX ATTACH"),
    PRIMARY_KEY("PRIMARY KEY"),
    UNIQUE("UNIQUE"),
    FOREIGN_KEY("FOREIGN KEY"),
    EXCLUSION("EXCLUSION"),
    /** A table's CHECK constraint written after the rows (NOT VALID on the source). */
    CHECK("CHECK"),
    /** A CHECK constraint set apart from its table or domain to break a dependency loop. */
    CHECK_CONSTRAINT("CHECK CONSTRAINT"),
    /** A PostgreSQL 18 NOT NULL constraint added NOT VALID. */
    NOT_NULL("NOT NULL"),
    TRIGGER("TRIGGER"),
    EVENT_TRIGGER("EVENT TRIGGER"),
    RULE("RULE"),
    POLICY("POLICY"),
    ROW_SECURITY("ROW SECURITY"),
    STATISTICS("STATISTICS"),
    PUBLICATION("PUBLICATION"),
    PUBLICATION_TABLE("PUBLICATION TABLE"),
    PUBLICATION_TABLES_IN_SCHEMA("PUBLICATION TABLES IN SCHEMA"),
    SUBSCRIPTION("SUBSCRIPTION"),
    SECURITY_LABEL("SECURITY LABEL"),
    DEFAULT_PRIVILEGES("DEFAULT PRIVILEGES"),
    COLUMN_PRIVILEGES("COLUMN PRIVILEGES"),
    /** Privileges on an extension's members that differ from those its script set (pg_init_privs). */
    EXTENSION_MEMBER_PRIVILEGES("EXTENSION MEMBER PRIVILEGES"),
    /** Privileges on built-in objects that differ from those initdb set (pg_init_privs). */
    BUILT_IN_OBJECT_PRIVILEGES("BUILT-IN OBJECT PRIVILEGES"),
    /** The database's own settings, comment and privileges. */
    DATABASE_PROPERTIES("DATABASE PROPERTIES"),
    ANALYZE("ANALYZE");

    private static final Map<String, Kind> BY_LABEL = new HashMap<>();

    static {
        for (Kind k : values()) {
            BY_LABEL.put(k.label, k);
        }
    }

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    /** The words listings and manifests show: {@code FOREIGN KEY}, {@code TABLE DATA}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The kind a manifest or a listing names. */
    @JsonCreator
    public static Kind of(String label) {
        Kind k = BY_LABEL.get(label);
        if (k == null) {
            throw new IllegalArgumentException("unknown object kind: " + label);
        }
        return k;
    }

    /** Rows, sequence positions, large objects' contents: what the data section moves. */
    public boolean isData() {
        return this == TABLE_DATA || this == TABLE_DATA_PART || this == EXTENSION_TABLE_DATA || this == SEQUENCE_SET
                || this == LARGE_OBJECT_DATA;
    }

    /** The label in lower case, for sentences: "create foreign key ...". */
    public String inWords() {
        return label.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label;
    }
}
