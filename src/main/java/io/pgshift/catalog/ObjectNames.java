package io.pgshift.catalog;

import java.nio.charset.StandardCharsets;

/**
 * The names the server makes up for objects that a statement creates without naming them, such as
 * {@code orders_id_seq} or {@code orders_id_not_null}: two names and a label joined by underscores, the longer
 * name shortened first until the whole fits in 63 bytes, never inside a character.
 */
public final class ObjectNames {
    /** NAMEDATALEN - 1. */
    public static final int MAX_BYTES = 63;

    private ObjectNames() {
    }

    /** The name the server gives first, before it looks for a free one (then it appends 1, 2, ... to the label). */
    public static String implicit(String name1, String name2, String label) {
        int available = MAX_BYTES - label.length() - 2;
        int bytes1 = bytes(name1);
        int bytes2 = bytes(name2);
        while (bytes1 + bytes2 > available) {
            if (bytes1 > bytes2) {
                bytes1--;
            } else {
                bytes2--;
            }
        }
        return clip(name1, bytes1) + "_" + clip(name2, bytes2) + "_" + label;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of whole characters that fits in the given number of UTF-8 bytes. */
    private static String clip(String s, int maxBytes) {
        int used = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }
}
