package io.pgshift.object;

/**
 * Identifies a catalog object the way pg_depend does: the system catalog it lives in (by name, e.g.
 * {@code pg_class}) and its oid. Dependencies between objects are edges between these.
 */
public record ObjectRef(String catalog, long oid) {
    /** Not a catalog: the rows of a table or the position of a sequence, which are restored as data. */
    public static final String DATA = "data";
    /**
     * Not a catalog: the shell of a type (CREATE TYPE name), which the functions a type needs before it
     * can be defined (a base type's input and output functions, a range's canonical function) are
     * created against, since they take or return the type.
     */
    public static final String SHELL_TYPE = "shell type";
    /** Not a catalog: the ranges a large table's rows are copied in, all under one ref. */
    public static final String DATA_PARTS = "data parts";
    /**
     * Not a catalog: the real definition of an object first created as a placeholder to break a dependency
     * loop, such as a view's query.
     */
    public static final String DEFINITION = "definition";

    public static ObjectRef of(String catalog, long oid) {
        return new ObjectRef(catalog, oid);
    }

    public static ObjectRef relation(long oid) {
        return new ObjectRef("pg_class", oid);
    }

    public static ObjectRef namespace(long oid) {
        return new ObjectRef("pg_namespace", oid);
    }

    public static ObjectRef constraint(long oid) {
        return new ObjectRef("pg_constraint", oid);
    }

    /** The data of the relation with this oid. */
    public static ObjectRef dataOf(long relationOid) {
        return new ObjectRef(DATA, relationOid);
    }

    /** The ranges of the rows of the relation with this oid, when they are copied in parts. */
    public static ObjectRef partsOf(long relationOid) {
        return new ObjectRef(DATA_PARTS, relationOid);
    }

    /** The real definition of the object with this oid, created after its placeholder. */
    public static ObjectRef definitionOf(long oid) {
        return new ObjectRef(DEFINITION, oid);
    }

    /** The shell of the type with this oid. */
    public static ObjectRef shellOf(long typeOid) {
        return new ObjectRef(SHELL_TYPE, typeOid);
    }

    @Override
    public String toString() {
        return catalog + ":" + oid;
    }
}
