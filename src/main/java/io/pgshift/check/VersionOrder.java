package io.pgshift.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders extension version strings the way people read them: runs of digits compare as numbers, so 1.10 comes
 * after 1.9, and everything else compares as text; a version that is a prefix of another comes first (1.0 before
 * 1.0.1). Extensions choose their version strings freely, so this is a best effort, not a rule of PostgreSQL.
 */
final class VersionOrder implements Comparator<String> {
    static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        List<String> x = parts(a);
        List<String> y = parts(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = comparePart(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static int comparePart(String p, String q) {
        boolean pDigits = Character.isDigit(p.charAt(0));
        boolean qDigits = Character.isDigit(q.charAt(0));
        if (pDigits && qDigits) {
            String pTrimmed = stripZeros(p);
            String qTrimmed = stripZeros(q);
            // Compared as digit strings, so versions made of dates or long numbers cannot overflow.
            return pTrimmed.length() != qTrimmed.length() ? Integer.compare(pTrimmed.length(), qTrimmed.length())
                    : pTrimmed.compareTo(qTrimmed);
        }
        if (pDigits != qDigits) {
            return pDigits ? 1 : -1;
        }
        return p.compareTo(q);
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** Runs of digits and runs of letters; dots, dashes and other separators only separate. */
    private static List<String> parts(String version) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < version.length()) {
            char c = version.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            boolean digits = Character.isDigit(c);
            int start = i;
            while (i < version.length() && Character.isLetterOrDigit(version.charAt(i))
                    && Character.isDigit(version.charAt(i)) == digits) {
                i++;
            }
            parts.add(version.substring(start, i));
        }
        return parts;
    }
}
