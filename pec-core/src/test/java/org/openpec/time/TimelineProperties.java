package org.openpec.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Generators.TIME_SPAN;
import static org.openpec.Generators.minute;
import static org.openpec.Qt.qt;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpec.Generators;

/**
 * {@link Timeline} against two oracles: a brute-force set of whole minutes, and Guava's {@link TreeRangeSet}.
 *
 * <p>Every generated endpoint is a whole minute in {@code [0, TIME_SPAN]} or unbounded, so a timeline is fully
 * described by the minutes {@code [m, m+1)} it holds up to {@link #HORIZON}: holding the horizon minute means
 * holding everything after it.
 */
class TimelineProperties {

  /** One minute past the last bounded endpoint: held only by unbounded pieces. */
  private static final int HORIZON = TIME_SPAN + 1;

  private static BitSet minutes(Interval i) {
    BitSet bits = new BitSet();
    int start = minuteOf(i.start());
    int end = i.isUnbounded() ? HORIZON + 1 : minuteOf(i.end());
    bits.set(start, end);
    return bits;
  }

  private static BitSet minutes(List<Interval> intervals) {
    BitSet bits = new BitSet();
    intervals.forEach(i -> bits.or(minutes(i)));
    return bits;
  }

  private static BitSet minutes(Timeline t) {
    BitSet bits = new BitSet();
    for (int m = 0; m <= HORIZON; m++) {
      if (t.contains(minute(m))) {
        bits.set(m);
      }
    }
    return bits;
  }

  private static int minuteOf(Instant t) {
    return (int) ((t.getEpochSecond() - Generators.EPOCH.getEpochSecond()) / 60);
  }

  private static RangeSet<Long> guava(List<Interval> intervals) {
    RangeSet<Long> set = TreeRangeSet.create();
    intervals.forEach(i -> set.add(range(i)));
    return set;
  }

  private static Range<Long> range(Interval i) {
    long start = minuteOf(i.start());
    return i.isUnbounded() ? Range.atLeast(start) : Range.closedOpen(start, (long) minuteOf(i.end()));
  }

  private static List<Range<Long>> ranges(Timeline t) {
    List<Range<Long>> out = new ArrayList<>();
    t.intervals().forEach(i -> out.add(range(i)));
    return out;
  }

  @Test
  void aTimelineHoldsExactlyTheMinutesOfItsIntervals() {
    qt().forAll(Generators.intervalLists()).checkAssert(intervals -> {
      Timeline t = Timeline.of(intervals);
      assertThat(minutes(t)).isEqualTo(minutes(intervals));
      assertThat(t.isEmpty()).isEqualTo(intervals.isEmpty());
    });
  }

  @Test
  void containsHoldsForEveryInstantOfAHeldMinuteAndNoOther() {
    qt().forAll(Generators.intervalLists(), Generators.instants(),
        org.quicktheories.generators.Generate.range(0, 59)).checkAssert((intervals, at, second) -> {
          Instant t = at.plusSeconds(second);
          boolean expected = minutes(intervals).get(minuteOf(at));
          assertThat(Timeline.of(intervals).contains(t)).isEqualTo(expected);
          assertThat(intervals.stream().anyMatch(i -> i.contains(t))).isEqualTo(expected);
        });
  }

  @Test
  void piecesAreSortedDisjointAndNeverTouch() {
    qt().forAll(Generators.intervalLists()).checkAssert(intervals -> {
      List<Interval> pieces = Timeline.of(intervals).intervals();
      for (int i = 1; i < pieces.size(); i++) {
        assertThat(pieces.get(i - 1).end()).isBefore(pieces.get(i).start());
      }
    });
  }

  @Test
  void timelinesHoldingTheSameMinutesAreEqualWhateverTheirPieces() {
    qt().forAll(Generators.intervalLists(), Generators.intervalLists()).checkAssert((a, b) -> {
      boolean sameMinutes = minutes(a).equals(minutes(b));
      assertThat(Timeline.of(a).equals(Timeline.of(b))).isEqualTo(sameMinutes);
      if (sameMinutes) {
        assertThat(Timeline.of(a).hashCode()).isEqualTo(Timeline.of(b).hashCode());
      }
    });
  }

  @Test
  void unionHoldsTheMinutesOfEither() {
    qt().forAll(Generators.timelines(), Generators.timelines()).checkAssert((a, b) -> {
      BitSet expected = minutes(a);
      expected.or(minutes(b));
      assertThat(minutes(a.union(b))).isEqualTo(expected);
      assertThat(a.union(b)).isEqualTo(b.union(a));
    });
  }

  @Test
  void intersectionHoldsTheMinutesOfBoth() {
    qt().forAll(Generators.timelines(), Generators.timelines()).checkAssert((a, b) -> {
      BitSet expected = minutes(a);
      expected.and(minutes(b));
      assertThat(minutes(a.intersection(b))).isEqualTo(expected);
      assertThat(a.intersection(b)).isEqualTo(b.intersection(a));
    });
  }

  @Test
  void minusHoldsTheMinutesOfTheFirstNotInTheSecond() {
    qt().forAll(Generators.timelines(), Generators.timelines()).checkAssert((a, b) -> {
      BitSet expected = minutes(a);
      expected.andNot(minutes(b));
      assertThat(minutes(a.minus(b))).isEqualTo(expected);
    });
  }

  @Test
  void enclosesHoldsWhenEveryMinuteOfTheIntervalIsHeld() {
    qt().forAll(Generators.timelines(), Generators.intervals()).checkAssert((t, i) -> {
      BitSet wanted = minutes(i);
      BitSet missing = (BitSet) wanted.clone();
      missing.andNot(minutes(t));
      assertThat(t.encloses(i)).isEqualTo(missing.isEmpty());
    });
  }

  @Test
  void overlapsHoldsWhenSomeMinuteOfTheIntervalIsHeld() {
    qt().forAll(Generators.timelines(), Generators.intervals()).checkAssert((t, i) ->
        assertThat(t.overlaps(i)).isEqualTo(minutes(i).intersects(minutes(t))));
  }

  @Test
  void normalisedPiecesAreThoseOfGuavasRangeSet() {
    qt().forAll(Generators.intervalLists()).checkAssert(intervals ->
        assertThat(ranges(Timeline.of(intervals))).containsExactlyElementsOf(guava(intervals).asRanges()));
  }

  @Test
  void setOperationsAgreeWithGuavasRangeSet() {
    qt().forAll(Generators.intervalLists(), Generators.intervalLists()).checkAssert((a, b) -> {
      Timeline ta = Timeline.of(a);
      Timeline tb = Timeline.of(b);
      RangeSet<Long> union = guava(a);
      union.addAll(guava(b));
      RangeSet<Long> intersection = guava(a);
      intersection.removeAll(guava(b).complement());
      RangeSet<Long> minus = guava(a);
      minus.removeAll(guava(b));
      assertThat(ranges(ta.union(tb))).containsExactlyElementsOf(union.asRanges());
      assertThat(ranges(ta.intersection(tb))).containsExactlyElementsOf(intersection.asRanges());
      assertThat(ranges(ta.minus(tb))).containsExactlyElementsOf(minus.asRanges());
    });
  }

  @Test
  void enclosesAgreesWithGuavasRangeSet() {
    qt().forAll(Generators.intervalLists(), Generators.intervals()).checkAssert((a, i) ->
        assertThat(Timeline.of(a).encloses(i)).isEqualTo(guava(a).encloses(range(i))));
  }

  @Test
  void minusAndIntersectionSplitATimeline() {
    qt().forAll(Generators.timelines(), Generators.timelines()).checkAssert((a, b) -> {
      assertThat(a.minus(b).union(a.intersection(b))).isEqualTo(a);
      assertThat(a.minus(b).intersection(b).isEmpty()).isTrue();
    });
  }
}
