package io.pgshift.report;

/**
 * The bytes moved so far, read while the run went on.
 *
 * @param at    seconds from the start of the run
 * @param bytes bytes moved from its start until then
 */
public record Sample(double at, long bytes) {
}
