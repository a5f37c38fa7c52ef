package io.pgshift.run;

import java.nio.file.Path;
import java.util.Set;

import io.pgshift.connect.ConnInfo;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.plan.Section;

/**
 * What {@code pgshift restore} was asked to do.
 *
 * @param sections which sections to restore, as pg_restore --section
 */
public record RestoreOptions(ConnInfo target, Path directory, int jobs, DdlOptions ddl, Set<Section> sections) {
    public RestoreOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        sections = Set.copyOf(sections);
    }
}
