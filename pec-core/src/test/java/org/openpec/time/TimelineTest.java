package org.openpec.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static Instant at(String time) {
    return Instant.parse("2026-03-05T" + time + "Z");
  }

  private static final Interval MARCH_5 = Interval.utcDay(LocalDate.parse("2026-03-05"));

  @Nested
  class Intervals {
    @Test
    void areHalfOpen() {
      Interval i = Interval.of(at("09:00:00"), at("10:00:00"));
      assertThat(i.contains(at("09:00:00"))).isTrue();
      assertThat(i.contains(at("09:59:59.999999999"))).isTrue();
      assertThat(i.contains(at("10:00:00"))).isFalse();
    }

    @Test
    void mustEndAfterTheyStart() {
      assertThatIllegalArgumentException().isThrownBy(() -> Interval.of(at("10:00:00"), at("10:00:00")))
          .withMessageContaining("end must be after");
      assertThatIllegalArgumentException().isThrownBy(() -> Interval.of(at("10:00:00"), at("09:00:00")));
    }

    @Test
    void abutWhenOneEndsWhereTheOtherStartsAndThenDoNotOverlap() {
      Interval a = Interval.of(at("00:00:00"), at("10:00:00"));
      Interval b = Interval.of(at("10:00:00"), at("12:00:00"));
      assertThat(a.abuts(b)).isTrue();
      assertThat(b.abuts(a)).isTrue();
      assertThat(a.overlaps(b)).isFalse();
    }

    @Test
    void openIntervalsAreUnbounded() {
      Interval open = Interval.startingAt(at("10:00:00"));
      assertThat(open.isUnbounded()).isTrue();
      assertThat(open.end()).isEqualTo(Interval.UNBOUNDED);
      assertThat(open.encloses(Interval.utcDay(LocalDate.parse("2999-12-31")))).isTrue();
      assertThat(open).hasToString("[2026-03-05T10:00:00Z, ∞)");
    }
  }

  @Test
  void aUsageDayIsTheUtcDay() {
    assertThat(MARCH_5.start()).isEqualTo(Instant.parse("2026-03-05T00:00:00Z"));
    assertThat(MARCH_5.end()).isEqualTo(Instant.parse("2026-03-06T00:00:00Z"));
  }

  @Test
  void handoverPiecesJoinIntoOne() {
    Timeline held = Timeline.of(Interval.of(at("00:00:00"), at("10:00:00")),
        Interval.startingAt(at("09:00:00")));
    assertThat(held.intervals()).containsExactly(Interval.startingAt(at("00:00:00")));
    assertThat(held.encloses(MARCH_5)).isTrue();
  }

  @Test
  void abuttingPiecesJoinAndTheDayIsEnclosed() {
    Timeline held = Timeline.of(Interval.of(at("12:00:00"), MARCH_5.end()), Interval.of(MARCH_5.start(), at("12:00:00")));
    assertThat(held.intervals()).containsExactly(MARCH_5);
    assertThat(held.encloses(MARCH_5)).isTrue();
  }

  @Test
  void aGapOfOneNanosecondBreaksTheDay() {
    Timeline held = Timeline.of(Interval.of(MARCH_5.start(), at("12:00:00")),
        Interval.of(at("12:00:00.000000001"), MARCH_5.end()));
    assertThat(held.intervals()).hasSize(2);
    assertThat(held.encloses(MARCH_5)).isFalse();
    assertThat(Timeline.of(MARCH_5).minus(held).intervals())
        .containsExactly(Interval.of(at("12:00:00"), at("12:00:00.000000001")));
  }

  @Test
  void theEmptyTimelineIsTheIdentityOfUnion() {
    Timeline t = Timeline.of(MARCH_5);
    assertThat(t.union(Timeline.empty())).isEqualTo(t);
    assertThat(Timeline.empty().union(t)).isEqualTo(t);
    assertThat(t.intersection(Timeline.empty()).isEmpty()).isTrue();
    assertThat(Timeline.empty().encloses(MARCH_5)).isFalse();
    assertThat(Timeline.empty()).hasToString("{}");
  }

  @Test
  void describeWithinShowsThePiecesOfTheDayInUtc() {
    Timeline t = Timeline.of(Interval.of(Instant.parse("2026-03-04T12:00:00Z"), at("10:00:00")),
        Interval.startingAt(at("12:30:00")));
    assertThat(t.describeWithin(MARCH_5)).isEqualTo("00:00:00–10:00:00Z, 12:30:00–24:00:00Z");
    assertThat(Timeline.empty().describeWithin(MARCH_5)).isEqualTo("never");
  }

  @Test
  void aUtcDayIsTwentyFourHoursFromMidnight() {
    assertThat(MARCH_5).isEqualTo(Interval.of(at("00:00:00"), Instant.parse("2026-03-06T00:00:00Z")));
  }
}
