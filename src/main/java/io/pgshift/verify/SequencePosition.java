package io.pgshift.verify;

/**
 * Where a sequence stands: {@code nextval} returns {@code lastValue} plus the increment when {@code isCalled},
 * else {@code lastValue} itself.
 */
public record SequencePosition(long lastValue, boolean isCalled) {
}
