package io.pgshift.object;

/** pg_dump's three sections: definitions, then rows, then what is faster to build once rows are in. */
public enum Section {
    PRE_DATA, DATA, POST_DATA
}
