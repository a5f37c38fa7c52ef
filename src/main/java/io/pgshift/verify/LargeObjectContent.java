package io.pgshift.verify;

/**
 * What a large object holds, summed up: its size and a digest of its bytes.
 *
 * @param digest the md5 of the contents when they fit in one chunk, else a SHA-256 over the md5 of each chunk
 */
record LargeObjectContent(long bytes, String digest) {
}
