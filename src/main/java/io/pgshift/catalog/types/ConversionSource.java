package io.pgshift.catalog.types;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.QualifiedName;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ObjectSource;
import io.pgshift.catalog.SourceContext;
import io.pgshift.object.Section;
import io.pgshift.object.Kind;

/** User-defined encoding conversions; the function that converts is a function of its own, created earlier. */
public final class ConversionSource implements ObjectSource {
    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        return context.list("""
                SELECT co.oid, n.nspname, co.conname, pg_catalog.pg_get_userbyid(co.conowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = co.oid AND cmt.classoid = 'pg_catalog.pg_conversion'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment,
                       pg_catalog.pg_encoding_to_char(co.conforencoding) AS source_encoding,
                       pg_catalog.pg_encoding_to_char(co.contoencoding) AS target_encoding,
                       %s AS function, co.condefault
                FROM pg_catalog.pg_conversion co JOIN pg_catalog.pg_namespace n ON n.oid = co.connamespace
                WHERE %s AND %s
                ORDER BY co.oid""".formatted(Names.function("co.conproc::pg_catalog.oid"),
                        SourceContext.userSchema("n.nspname"), SourceContext.notExtensionMember("pg_conversion",
                                "co.oid")),
                rs -> {
                    String[] function = Names.texts(rs, "function");
                    return ObjectDef.read(ObjectRef.of("pg_conversion", rs.getLong("oid")), Kind.CONVERSION,
                                    rs.getString("nspname"), rs.getString("nspname") + "." + rs.getString("conname"),
                                    Section.PRE_DATA, new Conversion(new QualifiedName(rs.getString("nspname"),
                                            rs.getString("conname")), rs.getBoolean("condefault"),
                                            rs.getString("source_encoding"), rs.getString("target_encoding"),
                                            new QualifiedName(function[0], function[1])))
                            .withOwner(rs.getString("owner")).withComment(rs.getString("comment"));
                });
    }
}
