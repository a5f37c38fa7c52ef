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
 * @param disableTriggers   a data-only restore disables each table's triggers while its rows go in
 *                          (--disable-triggers)
 * @param resume            go on with an interrupted restore of the same dump into the same target (--resume)
 * @param stateDirectory    where resume logs are kept (--state-dir)
 */
public record RestoreOptions(ConnInfo target, Path directory, int jobs, DdlOptions ddl, Set<Section> sections,
                             boolean clean, boolean ifExists, boolean singleTransaction, RestoreSelection selection,
                             boolean keepRoleGrants, Faults faults, boolean disableTriggers, boolean resume,
                             Path stateDirectory) {

    /** Disables each table's triggers while its rows go in, as pg_restore --disable-triggers; data only. */
    public RestoreOptions withDisableTriggers(boolean disable) {
        return new RestoreOptions(target, directory, jobs, ddl, sections, clean, ifExists, singleTransaction,
                selection, keepRoleGrants, faults, disable, resume, stateDirectory);
    }

    /** Whether only rows go in, into tables that exist: the data section without the pre-data one. */
    public boolean dataOnly() {
        return sections.contains(Section.DATA) && !sections.contains(Section.PRE_DATA);
    }

    public RestoreOptions(ConnInfo target, Path directory, int jobs, DdlOptions ddl, Set<Section> sections,
                          boolean clean, boolean ifExists, boolean singleTransaction, RestoreSelection selection,
                          boolean keepRoleGrants) {
        this(target, directory, jobs, ddl, sections, clean, ifExists, singleTransaction, selection, keepRoleGrants,
                Faults.DEFAULTS, false, false, ResumeLog.defaultDirectory());
    }

    /** How a table's load meets a lost or stalled connection; a dump directory's files can be read again. */
    public RestoreOptions withFaults(Faults newFaults) {
        return new RestoreOptions(target, directory, jobs, ddl, sections, clean, ifExists, singleTransaction,
                selection, keepRoleGrants, newFaults, disableTriggers, resume, stateDirectory);
    }

    /** Resumes an interrupted restore (or not), keeping resume logs in the directory given, or the default one. */
    public RestoreOptions withResume(boolean resumeIt, Path directory) {
        return new RestoreOptions(target, this.directory, jobs, ddl, sections, clean, ifExists, singleTransaction,
                selection, keepRoleGrants, faults, disableTriggers, resumeIt,
                directory != null ? directory : stateDirectory);
    }

    /**
     * Whether the restore keeps a resume log: one that creates the schema, in several transactions. A restore in
     * one transaction leaves nothing behind when it is interrupted, and one of some sections only is a step of
     * the user's own plan.
     */
    public boolean resumable() {
        return !singleTransaction && sections.containsAll(Set.of(Section.PRE_DATA, Section.DATA, Section.POST_DATA));
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
        if (disableTriggers && !(sections.contains(Section.DATA) && !sections.contains(Section.PRE_DATA))) {
            throw new IllegalArgumentException("--disable-triggers is for a data-only restore");
        }
        if (resume && clean) {
            throw new IllegalArgumentException("--resume goes on with an interrupted restore, --clean starts over");
        }
        sections = Set.copyOf(sections);
    }

    public RestoreOptions(ConnInfo target, Path directory, int jobs, DdlOptions ddl, Set<Section> sections) {
        this(target, directory, jobs, ddl, sections, false, false, false, RestoreSelection.ALL, false);
    }
}
