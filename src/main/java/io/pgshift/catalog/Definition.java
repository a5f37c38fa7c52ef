package io.pgshift.catalog;

/**
 * What a catalog reader read of one object, in the catalog's own terms (names, types, flags), for the ddl package to
 * write as SQL: readers read, and one package writes every statement. An {@link ObjectDef} carries either one of
 * these or, for the kinds whose readers still render their statements themselves, those statements.
 */
public interface Definition {
}
