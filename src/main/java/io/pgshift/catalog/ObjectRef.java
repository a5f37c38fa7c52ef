package io.pgshift.catalog;

/**
 * Identifies a catalog object the way pg_depend does: the catalog it lives in and its oid.
 * Dependencies between objects are edges between these.
 */
public record ObjectRef(Kind kind, long oid) {

    /** The data of the relation with this oid. */
    public static ObjectRef dataOf(long relationOid) {
        return new ObjectRef(Kind.DATA, relationOid);
    }

    /**
     * The catalogs pgshift reads objects from, with their oids. System catalogs have fixed oids that have
     * not changed since PostgreSQL 7, so they are constants here rather than looked up per server.
     */
    public enum Kind {
        NAMESPACE("pg_namespace", 2615),
        RELATION("pg_class", 1259),
        CONSTRAINT("pg_constraint", 2606),
        TYPE("pg_type", 1247),
        FUNCTION("pg_proc", 1255),
        /** Not a catalog: the rows of a table or the position of a sequence, which are restored as data. */
        DATA("", 0);

        private final String catalog;
        private final long catalogOid;

        Kind(String catalog, long catalogOid) {
            this.catalog = catalog;
            this.catalogOid = catalogOid;
        }

        public String catalog() {
            return catalog;
        }

        public long catalogOid() {
            return catalogOid;
        }

        /** The kind whose catalog has this oid, or null for catalogs pgshift does not track. */
        public static Kind ofCatalog(long catalogOid) {
            for (Kind kind : values()) {
                if (kind.catalogOid == catalogOid && kind != DATA) {
                    return kind;
                }
            }
            return null;
        }
    }
}
