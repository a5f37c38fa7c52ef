package io.pgshift.catalog;

/**
 * Something in the source that targets from some major version on can no longer recreate, such as a
 * postfix operator (gone in PostgreSQL 14). The copy checks these against the target's version before it
 * writes anything, because finding out halfway leaves a partly filled target behind.
 *
 * @param kind        what sort of problem, as a stable upper-case name ({@code POSTFIX-OPERATOR}); the pre-flight
 *                    check turns it into its finding code
 * @param object      what it is, the way the user would look for it: {@code operator public.! (bigint, NONE)}
 * @param refusedFrom the first major version that cannot take it
 * @param problem     why those versions cannot take it
 * @param remedy      what the user can do on the source before copying
 */
public record Incompatibility(String kind, String object, int refusedFrom, String problem, String remedy) {

    public boolean blocks(ServerVersion target) {
        return target.atLeast(refusedFrom);
    }

    /** One sentence for the user: the object, the problem and the way out. */
    public String describe() {
        return object + " " + problem + "; " + remedy;
    }
}
