package io.pgshift.settings;

/**
 * One row of a server's pg_settings.
 *
 * @param value   as SHOW prints it, with a unit where it has one ("128MB")
 * @param setting pg_settings.setting: a number counts the parameter's unit ("16384" of "8kB")
 * @param unit    pg_settings.unit, null for a parameter without one
 * @param vartype bool, integer, real, string or enum
 * @param context when a change takes effect: postmaster means at a restart, internal never
 * @param source  where the value came from (pg_settings.source)
 * @param differs the setting is not the built-in default
 */
record Parameter(String name, String value, String setting, String unit, String vartype, String context,
                 String source, boolean differs) {

    boolean needsRestart() {
        return "postmaster".equals(context);
    }
}
