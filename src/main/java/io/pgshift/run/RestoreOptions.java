package io.pgshift.run;

import java.nio.file.Path;
import java.util.Set;

import io.pgshift.connect.ConnInfo;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.object.Section;

/**
 * What {@code pgshift restore} was asked to do.
 *
 * @param sections          which sections to restore, as pg_restore --section
 * @param clean             drop each restored object before creating it (--clean)
 * @param ifExists          with clean, drop with IF EXISTS, so missing objects are no error (--if-exists)
 * @param singleTransaction everything in one transaction on one session (--single-transaction)
 * @param keepRoleGrants    keep the memberships a target user that is not a superuser granted itself in the
 *                          owners' roles, instead of taking them back at the end
 */
public record RestoreOptions(ConnInfo target, Path directory, int jobs, DdlOptions ddl, Set<Section> sections,
                             boolean clean, boolean ifExists, boolean singleTransaction, RestoreSelection selection,
                             boolean keepRoleGrants, Faults faults) {

    public RestoreOptions(ConnInfo target, Path directory, int jobs, DdlOptions ddl, Set<Section> sections,
                          boolean clean, boolean ifExists, boolean singleTransaction, RestoreSelection selection,
                          boolean keepRoleGrants) {
        this(target, directory, jobs, ddl, sections, clean, ifExists, singleTransaction, selection, keepRoleGrants,
                Faults.DEFAULTS);
    }

    /** How a table's load meets a lost or stalled connection; a dump directory's files can be read again. */
    public RestoreOptions withFaults(Faults newFaults) {
        return new RestoreOptions(target, directory, jobs, ddl, sections, clean, ifExists, singleTransaction,
                selection, keepRoleGrants, newFaults);
    }

    public RestoreOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        if (singleTransaction && jobs > 1) {
            throw new IllegalArgumentException("--single-transaction and several jobs cannot be used together");
        }
        if (ifExists && !clean) {
            throw new IllegalArgumentException("--if-exists requires --clean");
        }
        if (clean && !sections.contains(Section.PRE_DATA)) {
            throw new IllegalArgumentException("--clean needs the pre-data section: it drops what it creates");
        }
        sections = Set.copyOf(sections);
    }

    public RestoreOptions(ConnInfo target, Path directory, int jobs, DdlOptions ddl, Set<Section> sections) {
        this(target, directory, jobs, ddl, sections, false, false, false, RestoreSelection.ALL, false);
    }
}
