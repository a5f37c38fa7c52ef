package io.pgshift.check;

import java.util.Locale;

/** Compares libc locale names the way the C library reads them: "en_US.UTF-8" and "en_US.utf8" are one locale. */
final class LocaleNames {
    private LocaleNames() {
    }

    /** Lower case, with the codeset after the dot written without dashes or underscores. */
    static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        if (dot < 0) {
            return lower;
        }
        int modifier = lower.indexOf('@', dot);
        String codeset = modifier < 0 ? lower.substring(dot + 1) : lower.substring(dot + 1, modifier);
        return lower.substring(0, dot + 1) + codeset.replace("-", "").replace("_", "")
                + (modifier < 0 ? "" : lower.substring(modifier));
    }

    /** C and POSIX exist on every system and never change their order. */
    static boolean isBuiltIn(String name) {
        return name == null || name.isEmpty() || name.equals("C") || name.equals("POSIX");
    }
}
