package io.pgshift.catalog.routines;

/**
 * SQL expressions that print references to other catalog objects the way CREATE statements take them.
 * Every name comes out schema-qualified and quoted by the server itself, so a reference means the same
 * object on the target whatever its search_path.
 */
final class CatalogSql {
    private CatalogSql() {
    }

    /** {@code schema.name} of the function with this oid, or NULL for oid 0. */
    static String function(String oidExpression) {
        return "(SELECT pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(f.proname)"
                + " FROM pg_catalog.pg_proc f JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace"
                + " WHERE f.oid = " + oidExpression + ")";
    }

    /** {@code schema.name(argument types)} of the function with this oid, or NULL for oid 0. */
    static String functionWithArguments(String oidExpression) {
        return "(SELECT pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(f.proname) || '('"
                + " || pg_catalog.oidvectortypes(f.proargtypes) || ')'"
                + " FROM pg_catalog.pg_proc f JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace"
                + " WHERE f.oid = " + oidExpression + ")";
    }

    /**
     * {@code OPERATOR(schema.name)} of the operator with this oid, or NULL for oid 0. Operator names are
     * never quoted; the argument types come from the context where the reference is used.
     */
    static String operator(String oidExpression) {
        return "(SELECT 'OPERATOR(' || pg_catalog.quote_ident(opn.nspname) || '.' || op.oprname || ')'"
                + " FROM pg_catalog.pg_operator op JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace"
                + " WHERE op.oid = " + oidExpression + ")";
    }

    /** {@code schema.name(left, right)} of the operator with this oid, as opclass members name it. */
    static String operatorWithArguments(String oidExpression) {
        return "(SELECT pg_catalog.quote_ident(opn.nspname) || '.' || op.oprname || '('"
                + " || COALESCE(pg_catalog.format_type(NULLIF(op.oprleft, 0), NULL), 'NONE') || ', '"
                + " || COALESCE(pg_catalog.format_type(NULLIF(op.oprright, 0), NULL), 'NONE') || ')'"
                + " FROM pg_catalog.pg_operator op JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace"
                + " WHERE op.oid = " + oidExpression + ")";
    }

    /** The type with this oid, schema-qualified where the session's empty search_path demands it. */
    static String type(String oidExpression) {
        return "pg_catalog.format_type(NULLIF(" + oidExpression + ", 0), NULL)";
    }

    /** {@code schema.name} of the operator family with this oid, or NULL for oid 0. */
    static String operatorFamily(String oidExpression) {
        return "(SELECT pg_catalog.quote_ident(ofn.nspname) || '.' || pg_catalog.quote_ident(of.opfname)"
                + " FROM pg_catalog.pg_opfamily of JOIN pg_catalog.pg_namespace ofn ON ofn.oid = of.opfnamespace"
                + " WHERE of.oid = " + oidExpression + ")";
    }
}
