package org.openpec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceListTest {

  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  private static PriceListEntry entry(String product, String sku, List<String> meters, String start, String end) {
    return PriceListEntry.builder().productId(product).skuId(sku).addAllMeterIds(meters)
        .effectiveStart(Optional.ofNullable(start).map(LocalDate::parse))
        .effectiveEnd(Optional.ofNullable(end).map(LocalDate::parse)).build();
  }

  @Test
  void matchesProductAndSkuIgnoringCase() {
    PriceList list = PriceList.of(List.of(entry("DZH318Z0BQ4L", "0001", List.of(), null, null)));
    assertThat(list.entriesFor("dzh318z0bq4l", "0001", "m", d("2026-03-05"))).hasSize(1);
    assertThat(list.entriesFor("DZH318Z0BQ4L", "0002", "m", d("2026-03-05"))).isEmpty();
    assertThat(list.size()).isEqualTo(1);
  }

  @Test
  void anEntryWithMetersMatchesOnlyThoseMetersIgnoringCase() {
    PriceList list = PriceList.of(List.of(entry("P", "S", PriceListEntry.splitMeterIds("M1; m2 ,m3"), null, null)));
    assertThat(list.entriesFor("P", "S", "m1", d("2026-03-05"))).hasSize(1);
    assertThat(list.entriesFor("P", "S", "M3", d("2026-03-05"))).hasSize(1);
    assertThat(list.entriesFor("P", "S", "m4", d("2026-03-05"))).isEmpty();
  }

  @Test
  void meterIdsSplitOnCommasAndSemicolonsTrimmed() {
    assertThat(PriceListEntry.splitMeterIds(" a, b;c;; ,")).containsExactly("a", "b", "c");
    assertThat(PriceListEntry.splitMeterIds("")).isEmpty();
  }

  @Test
  void effectiveDatesAreInclusive() {
    PriceList list = PriceList.of(List.of(entry("P", "S", List.of(), "2026-03-01", "2026-03-31")));
    assertThat(list.entriesFor("P", "S", "m", d("2026-02-28"))).isEmpty();
    assertThat(list.entriesFor("P", "S", "m", d("2026-03-01"))).hasSize(1);
    assertThat(list.entriesFor("P", "S", "m", d("2026-03-31"))).hasSize(1);
    assertThat(list.entriesFor("P", "S", "m", d("2026-04-01"))).isEmpty();
  }

  @Test
  void tagsAreCaseInsensitiveSubstrings() {
    PriceListEntry e = PriceListEntry.builder().productId("P").skuId("S").tags("Azure;THIRD PARTY;Compute").build();
    assertThat(e.hasTag("Third Party")).isTrue();
    assertThat(e.hasTag("Reservations")).isFalse();
  }

  @Test
  void anEntryMustNotEndBeforeItStarts() {
    assertThatIllegalArgumentException().isThrownBy(() -> entry("P", "S", List.of(), "2026-03-02", "2026-03-01"))
        .withMessageContaining("effectiveEnd");
  }
}
