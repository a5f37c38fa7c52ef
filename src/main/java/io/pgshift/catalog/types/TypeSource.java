package io.pgshift.catalog.types;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.ObjectSource;
import io.pgshift.catalog.SourceContext;

/**
 * User-defined types of every kind: enums, composite types, domains, ranges, base types and shells. Types
 * that come with another object are never written on their own: array types (with their element type),
 * multiranges (with their range) and the row types of tables and views.
 */
public final class TypeSource implements ObjectSource {
    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        List<ObjectDef> types = new ArrayList<>();
        types.addAll(EnumTypes.read(context));
        types.addAll(CompositeTypes.read(context));
        types.addAll(DomainTypes.read(context));
        types.addAll(RangeTypes.read(context));
        types.addAll(BaseTypes.read(context));
        return types;
    }
}
