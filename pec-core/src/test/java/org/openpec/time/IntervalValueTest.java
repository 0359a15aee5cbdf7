package org.openpec.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Intervals and timelines as values: touching, equality, hashing and their documented text. */
class IntervalValueTest {

  private static Instant t(int hour) {
    return Instant.parse("2026-03-01T00:00:00Z").plusSeconds(3600L * hour);
  }

  @Test
  void abutsOnlyWhenOneEndsWhereTheOtherStarts() {
    Interval a = Interval.of(t(0), t(10));
    assertThat(a.abuts(Interval.of(t(10), t(12)))).isTrue();
    assertThat(Interval.of(t(10), t(12)).abuts(a)).isTrue();
    assertThat(a.abuts(Interval.of(t(11), t(12)))).isFalse();
    assertThat(a.abuts(Interval.of(t(5), t(12)))).isFalse();
    assertThat(a.abuts(a)).isFalse();
  }

  @Test
  void hashCodesSpreadSoThatIntervalsAndTimelinesKeyMaps() {
    Set<Integer> intervals = new HashSet<>();
    Set<Integer> timelines = new HashSet<>();
    for (int s = 0; s < 20; s++) {
      for (int e = s + 1; e <= 20; e++) {
        intervals.add(Interval.of(t(s), t(e)).hashCode());
        timelines.add(Timeline.of(Interval.of(t(s), t(e))).hashCode());
      }
    }
    assertThat(intervals).hasSizeGreaterThan(150);
    assertThat(timelines).hasSizeGreaterThan(150);
    assertThat(Interval.of(t(1), t(2))).hasSameHashCodeAs(Interval.of(t(1), t(2)));
    assertThat(Timeline.of(Interval.of(t(1), t(2)), Interval.of(t(2), t(3))))
        .isEqualTo(Timeline.of(Interval.of(t(1), t(3)))).hasSameHashCodeAs(Timeline.of(Interval.of(t(1), t(3))));
  }

  @Test
  void textShowsThePiecesWithAnOpenEndAsInfinity() {
    Timeline tl = Timeline.of(Interval.of(t(0), t(1)), Interval.startingAt(t(5)));
    assertThat(tl).hasToString("{[2026-03-01T00:00:00Z, 2026-03-01T01:00:00Z), [2026-03-01T05:00:00Z, ∞)}");
    assertThat(Timeline.empty()).hasToString("{}");
    assertThat(Interval.startingAt(t(0))).hasToString("[2026-03-01T00:00:00Z, ∞)");
  }
}
