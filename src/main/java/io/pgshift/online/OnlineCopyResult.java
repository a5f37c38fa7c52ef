package io.pgshift.online;

import io.pgshift.run.CopyResult;

/**
 * A copy whose target now follows its source.
 *
 * @param copy   the copy of the snapshot
 * @param name   the publication's, slot's and subscription's name
 * @param status how far behind the target was when the run returned
 */
public record OnlineCopyResult(CopyResult copy, String name, FollowStatus status) {
}
