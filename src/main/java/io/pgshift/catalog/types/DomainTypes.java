package io.pgshift.catalog.types;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.Queries;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;
import io.pgshift.object.Section;
import io.pgshift.object.Kind;

/**
 * Domains with their base type, collation, default and constraints. Valid constraints are part of CREATE
 * DOMAIN. A NOT VALID one is added after the data instead: rows loaded while it exists would be checked
 * against it, and the source never promised they pass. From 17 on, NOT NULL is a named constraint too.
 */
final class DomainTypes {
    private DomainTypes() {
    }

    private record DomainConstraint(long oid, String name, char type, String definition, boolean validated,
                                    String comment) {
    }

    private record Domain(TypeHeader type, String base, String collation, String defaultExpr, boolean notNull) {
    }

    static List<ObjectDef> read(SourceContext context) throws SQLException {
        Map<Long, List<DomainConstraint>> constraints = constraints(context);
        List<Domain> domains = context.list("""
                SELECT %s, pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base, t.typnotnull,
                       COALESCE(pg_catalog.pg_get_expr(t.typdefaultbin, 0), t.typdefault) AS default_expr,
                       CASE WHEN t.typcollation <> (SELECT b.typcollation FROM pg_catalog.pg_type b
                                                    WHERE b.oid = t.typbasetype) THEN %s END AS collation
                %s
                ORDER BY t.oid""".formatted(TypeHeader.COLUMNS, Names.collation("t.typcollation"),
                        TypeHeader.from("t.typtype = 'd'")),
                rs -> new Domain(TypeHeader.read(rs), rs.getString("base"), Names.qualified(rs, "collation"),
                        rs.getString("default_expr"), rs.getBoolean("typnotnull")));
        List<ObjectDef> definitions = new ArrayList<>();
        for (Domain d : domains) {
            List<DomainConstraint> own = constraints.getOrDefault(d.type().oid(), List.of());
            ObjectDef domain = d.type().definition(Kind.DOMAIN, d.type().ref(), create(d, own));
            List<DomainConstraint> checks = own.stream().filter(c -> c.validated() && c.type() == 'c').toList();
            if (!checks.isEmpty()) {
                // A CHECK that calls a function taking the domain closes a loop; it can be added afterwards.
                List<DomainConstraint> rest = own.stream().filter(c -> !checks.contains(c)).toList();
                domain = domain.withSplit(new ObjectDef.Split(create(d, rest),
                        checks.stream().map(c -> ObjectRef.constraint(c.oid())).collect(Collectors.toSet()),
                        checks.stream().map(c -> addedLater(d.type(), c, Section.PRE_DATA)).toList()));
            }
            definitions.add(domain);
            own.stream().filter(c -> !c.validated()).forEach(c -> definitions.add(addedLater(d.type(), c,
                    Section.POST_DATA)));
        }
        return definitions;
    }

    private static List<String> create(Domain d, List<DomainConstraint> constraints) {
        StringBuilder create = new StringBuilder("CREATE DOMAIN ").append(d.type().qualifiedName()).append(" AS ")
                .append(d.base());
        if (d.collation() != null) {
            create.append(" COLLATE ").append(d.collation());
        }
        if (d.defaultExpr() != null) {
            create.append(" DEFAULT ").append(d.defaultExpr());
        }
        // Before 17, NOT NULL is only a flag; from 17 on it is also a constraint with a name, written below.
        if (d.notNull() && constraints.stream().noneMatch(c -> c.type() == 'n')) {
            create.append(" NOT NULL");
        }
        List<String> comments = new ArrayList<>();
        for (DomainConstraint c : constraints) {
            if (c.validated()) {
                create.append("\n    CONSTRAINT ").append(Sql.ident(c.name())).append(' ').append(c.definition());
                if (c.comment() != null) {
                    comments.add("COMMENT ON " + constraintDesignation(d.type(), c) + " IS "
                            + Sql.literal(c.comment()));
                }
            }
        }
        List<String> sql = new ArrayList<>();
        sql.add(create.toString());
        sql.addAll(comments);
        return sql;
    }

    /** A constraint added to its domain by ALTER DOMAIN: a NOT VALID one after the data, or one split off. */
    private static ObjectDef addedLater(TypeHeader domain, DomainConstraint c, Section section) {
        String create = "ALTER DOMAIN " + domain.qualifiedName() + " ADD CONSTRAINT " + Sql.ident(c.name()) + " "
                + c.definition();
        return ObjectDef.of(ObjectRef.constraint(c.oid()), Kind.CHECK_CONSTRAINT, domain.schema(),
                domain.schema() + "." + domain.name() + "." + c.name(), constraintDesignation(domain, c),
                section, List.of(create)).withComment(c.comment()).withDependencies(Set.of(domain.ref()));
    }

    private static String constraintDesignation(TypeHeader domain, DomainConstraint c) {
        return "CONSTRAINT " + Sql.ident(c.name()) + " ON DOMAIN " + domain.qualifiedName();
    }

    /** CHECK (and, from 17, NOT NULL) constraints by domain, in name order. */
    private static Map<Long, List<DomainConstraint>> constraints(SourceContext context) throws SQLException {
        Map<Long, List<DomainConstraint>> byDomain = new HashMap<>();
        context.list("""
                SELECT co.oid, co.contypid, co.conname, co.contype,
                       pg_catalog.pg_get_constraintdef(co.oid) AS definition, co.convalidated,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = co.oid AND cmt.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_constraint co
                JOIN pg_catalog.pg_type t ON t.oid = co.contypid
                JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE co.contypid <> 0 AND %s
                ORDER BY co.contypid, co.conname""".formatted(SourceContext.userSchema("n.nspname")),
                rs -> byDomain.computeIfAbsent(rs.getLong("contypid"), k -> new ArrayList<>())
                        .add(new DomainConstraint(rs.getLong("oid"), rs.getString("conname"),
                                Queries.charOf(rs, "contype"), rs.getString("definition"),
                                rs.getBoolean("convalidated"), rs.getString("comment"))));
        return byDomain;
    }
}
