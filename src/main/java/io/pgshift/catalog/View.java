package io.pgshift.catalog;

/**
 * A view.
 *
 * @param options     reloptions other than check_option, e.g. {@code security_barrier=true}
 * @param checkOption {@code local}, {@code cascaded} or null
 */
public record View(long oid, String schema, String name, String owner, String definition,
                   String options, String checkOption, String comment, String acl) {

    public ObjectRef ref() {
        return ObjectRef.relation(oid);
    }
}
