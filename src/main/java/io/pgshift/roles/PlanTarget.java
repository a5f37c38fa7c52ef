package io.pgshift.roles;

/**
 * Where the statements go: a live target, whose state is known, or a script ({@code live} null), which must work
 * on a target that has none, some or all of the roles. A script is written in the source's version's terms: the
 * target is never older, so what the source's version accepts, the target accepts too.
 */
record PlanTarget(TargetProfile profile, TargetState live) {
    PlanTarget {
        if (profile == TargetProfile.AUTO) {
            throw new IllegalArgumentException("resolve the AUTO profile first");
        }
    }

    boolean script() {
        return live == null;
    }
}
