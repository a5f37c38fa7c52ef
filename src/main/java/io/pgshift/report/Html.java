package io.pgshift.report;

import java.util.Locale;

import io.pgshift.Sizes;

/** Text put into the HTML page: escaped, and numbers written the same way everywhere. */
final class Html {
    private Html() {
    }

    /**
     * Every name in the page comes from a server (tables, databases, messages quoting them) and may hold markup:
     * each is escaped, in text and in attributes alike.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String seconds(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    static String bytes(long bytes) {
        return Sizes.bytes(bytes);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A coordinate in the SVG: one decimal is finer than a pixel. */
    static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
