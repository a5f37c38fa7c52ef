package io.pgshift.catalog;

import java.util.List;
import java.util.Set;

import io.pgshift.object.Section;
import io.pgshift.object.Kind;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Rows;

/**
 * A schema object as read from the source, in the generic form most object kinds share: the statements
 * that create it, plus its owner, comment and privileges, which the DDL writer turns into statements
 * according to the user's options (--no-owner, --no-acl).
 *
 * @param kind        what it is, as the SQL that creates it says: FUNCTION, TYPE, TRIGGER, ...
 * @param name        display name, schema-qualified where the object has a schema
 * @param designation how ALTER ... OWNER TO and COMMENT ON name it: {@code FUNCTION public.f(integer)}
 * @param aclTarget   how GRANT and REVOKE name it, when different from the designation
 *                    ({@code TABLE public.mv} for a materialized view); null for "same as designation"
 * @param owner       the owning role, or null when the kind has no owner of its own
 * @param acl         the aclitem[] as text, or null for the default privileges
 * @param table       the table this object belongs to (its trigger, policy, rule), or null
 * @param split       how to create the object in two steps when it stands in a dependency loop, or null
 * @param rows        which rows a DATA object moves, when not all of its table's; null otherwise
 * @param definition  what was read of the object, which the ddl package writes, for the kinds read that way; then
 *                    {@code create} is empty and {@code designation} null, the ddl package writing both
 */
public record ObjectDef(ObjectRef ref, Kind kind, String schema, String name, String designation,
                        String aclTarget, Section section, List<String> create, String owner, String comment,
                        String acl, Set<ObjectRef> dependsOn, ObjectRef table, Split split, Rows rows,
                        Definition definition) {

    /**
     * The object created without some of its parts, then each part on its own (a domain, then its CHECK
     * constraints that call functions).
     *
     * @param create the statements that create the object without the parts
     * @param parts  the parts, whose catalog edges ({@link Dependency#via()}) leave the object with them
     * @param later  the statements of the parts, as objects of their own
     */
    public record Split(List<String> create, Set<ObjectRef> parts, List<ObjectDef> later) {
        public Split {
            create = List.copyOf(create);
            parts = Set.copyOf(parts);
            later = List.copyOf(later);
        }
    }

    public ObjectDef {
        create = List.copyOf(create);
        dependsOn = Set.copyOf(dependsOn);
    }

    /**
     * An object as read, which the ddl package writes; owner, comment and privileges can be added with the withers.
     */
    public static ObjectDef read(ObjectRef ref, Kind kind, String schema, String name, Section section,
                                 Definition definition) {
        return new ObjectDef(ref, kind, schema, name, null, null, section, List.of(), null, null, null, Set.of(),
                null, null, null, definition);
    }

    /** A definition with only the required parts; owner, comment and privileges can be added with the withers. */
    public static ObjectDef of(ObjectRef ref, Kind kind, String schema, String name, String designation,
                               Section section, List<String> create) {
        return new ObjectDef(ref, kind, schema, name, designation, null, section, create, null, null, null, Set.of(),
                null, null, null, null);
    }

    public ObjectDef withOwner(String newOwner) {
        return new ObjectDef(ref, kind, schema, name, designation, aclTarget, section, create, newOwner, comment, acl,
                dependsOn, table, split, rows, definition);
    }

    public ObjectDef withComment(String newComment) {
        return new ObjectDef(ref, kind, schema, name, designation, aclTarget, section, create, owner, newComment, acl,
                dependsOn, table, split, rows, definition);
    }

    public ObjectDef withAcl(String newAclTarget, String newAcl) {
        return new ObjectDef(ref, kind, schema, name, designation, newAclTarget, section, create, owner, comment,
                newAcl, dependsOn, table, split, rows, definition);
    }

    public ObjectDef withDependencies(Set<ObjectRef> newDependsOn) {
        return new ObjectDef(ref, kind, schema, name, designation, aclTarget, section, create, owner, comment, acl,
                newDependsOn, table, split, rows, definition);
    }

    public ObjectDef withTable(ObjectRef newTable) {
        return new ObjectDef(ref, kind, schema, name, designation, aclTarget, section, create, owner, comment, acl,
                dependsOn, newTable, split, rows, definition);
    }

    public ObjectDef withRows(Rows newRows) {
        return new ObjectDef(ref, kind, schema, name, designation, aclTarget, section, create, owner, comment, acl,
                dependsOn, table, split, newRows, definition);
    }

    public ObjectDef withSplit(Split newSplit) {
        return new ObjectDef(ref, kind, schema, name, designation, aclTarget, section, create, owner, comment, acl,
                dependsOn, table, newSplit, rows, definition);
    }
}
