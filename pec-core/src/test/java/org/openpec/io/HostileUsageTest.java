package org.openpec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpec.CreditStatement;
import org.openpec.PecCalculator;
import org.openpec.internal.io.CsvOutput;
import org.openpec.internal.io.CsvRows;
import org.openpec.internal.text.DecimalText;
import org.openpec.model.AccessGrant;
import org.openpec.model.Scope;

/**
 * Hostile usage files (issue "adversarial defects" D3, D6, D7, D9, D11, D17): each bad record is one rejected row
 * naming where it is, every input record is accounted for, and the run goes on.
 */
class HostileUsageTest {

  private static final String HEADER = UsageReaderTest.HEADER;
  private static final String GOOD = UsageReaderTest.GOOD;
  private static final PecCalculator PEC = PecCalculator.builder()
      .addGrants(AccessGrant.builder().grantId("G1").partnerId("P").roleName("Owner")
          .scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-03-01T00:00:00Z")).build())
      .build();

  private static List<UsageOutcome> run(byte[] bytes) {
    List<UsageOutcome> out = new ArrayList<>();
    try (UsageReader reader = UsageReader.open(new ByteArrayInputStream(bytes), "usage.csv")) {
      CreditStatement s = UsageRun.run(reader, UsageRun.byLine(PEC::evaluate), out::add);
      assertThat(s.total().lines() + s.rejected()).isEqualTo(out.size());
    }
    return out;
  }

  private static List<UsageOutcome> run(String text) {
    return run(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String problem(UsageOutcome o) {
    return o.record().problem().map(Object::toString).orElse("");
  }

  @Test
  void d3AFarFutureUsageDateIsOneRejectedRow() {
    List<UsageOutcome> out = run(HEADER + "\n" + GOOD.replace("2026-03-05", "+999999999-12-31") + "\n" + GOOD
        + "\n");
    assertThat(out).hasSize(2);
    assertThat(problem(out.get(0))).startsWith("usage.csv:2:6: UsageDate must be").contains("+999999999-12-31");
    assertThat(out.get(1).result()).isNotNull();
  }

  @Test
  void d6AnUnbalancedQuoteRejectsEachLineItSwallowedAndSaysWhereItOpened() {
    String open = GOOD.replace(",Microsoft", ",\"Microsoft");
    StringBuilder text = new StringBuilder(HEADER).append('\n').append(GOOD).append('\n').append(open).append('\n');
    for (int i = 0; i < 5; i++) {
      text.append(GOOD).append('\n');
    }
    text.append('\n').append(GOOD).append('\n');
    List<UsageOutcome> out = run(text.toString());
    // 1 good record, then the record the quote opened and the 6 non-empty lines it swallowed (one empty line)
    assertThat(out).hasSize(8);
    assertThat(out.get(0).result()).isNotNull();
    assertThat(out.subList(1, 8)).allMatch(o -> o.result() == null);
    assertThat(problem(out.get(1))).startsWith("usage.csv:3:0: unbalanced quote: the quote opened at line 3 in "
        + "field 16 is never closed and runs on for 8 physical lines (to line 10)").contains("6 non-empty lines it swallowed");
    assertThat(problem(out.get(2))).isEqualTo(
        "usage.csv:4:0: swallowed by the unbalanced quote opened at line 3 in field 16");
    assertThat(out).extracting(o -> o.record().physicalLine()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 10L);
    assertThat(out).extracting(o -> o.record().recordNumber()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    // the swallowed lines keep their identifying columns for the rejected row
    assertThat(out.get(2).record().field("CustomerId")).isEqualTo("C1");
  }

  @Test
  void d6AStrayQuoteClosedLinesLaterRejectsTheLinesBetween() {
    String open = GOOD.replace(",Microsoft", ",\"Microsoft");
    String closes = GOOD.replace("C1,", "\"C1,");
    List<UsageOutcome> out = run(HEADER + "\n" + open + "\n" + GOOD + "\n" + closes + "\n" + GOOD + "\n");
    assertThat(out).hasSize(4);
    assertThat(problem(out.get(0))).startsWith("usage.csv:2:0: unbalanced quote: the quote opened at line 2 in "
        + "field 16 runs on for 3 physical lines (to line 4)");
    assertThat(problem(out.get(1))).startsWith("usage.csv:3:0: swallowed");
    assertThat(problem(out.get(2))).startsWith("usage.csv:4:0: swallowed");
    assertThat(out.get(3).result()).isNotNull();
  }

  @Test
  void d6AQuotedLineBreakInARecordOfAnotherWidthIsOneRejectedRecord() {
    List<UsageOutcome> out = run(HEADER + "\n" + GOOD.replace(",Microsoft", ",\"Micro\nsoft\",extra") + "\n"
        + GOOD + "\n");
    assertThat(out).hasSize(2);
    assertThat(problem(out.get(0))).isEqualTo("usage.csv:2:0: record has 17 fields, the header has 16");
  }

  @Test
  void d6AQuotedLineBreakInARecordOfTheRightWidthIsStillOneRecord() {
    List<UsageOutcome> out = run(HEADER + "\n" + GOOD.replace(",Microsoft", ",\"Micro\nsoft\"") + "\n" + GOOD
        + "\n");
    assertThat(out).hasSize(2).allMatch(o -> o.result() != null);
  }

  @Test
  void d7ARecordOfTooManyFieldsIsOneRejectedRow() {
    String wide = GOOD + ",x".repeat(20_000);
    List<UsageOutcome> out = run(HEADER + "\n" + wide + "\n" + GOOD + "\n");
    assertThat(out).hasSize(2);
    assertThat(problem(out.get(0))).isEqualTo("usage.csv:2:0: record has 20016 fields, the header has 16");
    assertThat(out.get(1).result()).isNotNull();
  }

  @Test
  void d7AFieldOver16MibIsOneRejectedRow() {
    String huge = GOOD.replace(",Microsoft", ",\"" + "x".repeat(17 << 20) + "\"");
    List<UsageOutcome> out = run(HEADER + "\n" + huge + "\n" + GOOD + "\n");
    assertThat(out).hasSize(2);
    assertThat(problem(out.get(0))).startsWith("usage.csv:2:0: record is longer than 16777216 bytes");
    assertThat(out.get(1).result()).isNotNull();
    assertThat(out.get(1).record().physicalLine()).isEqualTo(3);
  }

  @Test
  void d9ATenMegabyteQuantityIsRejectedAtOnce() {
    String digits = "9".repeat(10_000_000);
    List<UsageOutcome> out = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> run(HEADER + "\n" + GOOD.replace(",24,", "," + digits + ",") + "\n" + GOOD + "\n"));
    assertThat(problem(out.get(0))).startsWith("usage.csv:2:11: Quantity must be a decimal number, was \"999")
        .contains("(10000000 characters)").hasSizeLessThan(400);
    assertThat(out.get(1).result()).isNotNull();
    assertThat(DecimalText.parse("1" + "0".repeat(DecimalText.MAX_DIGITS - 1))).isPresent();
    assertThat(DecimalText.parse("1" + "0".repeat(DecimalText.MAX_DIGITS))).isEmpty();
  }

  @Test
  void d11ALoneSurrogateIsWrittenAsAQuestionMarkNotACrash() throws IOException {
    assertThat(CsvOutput.text("a\uD800b")).isEqualTo("a?b");
    assertThat(CsvOutput.text("x\uDC00")).isEqualTo("x?");
    assertThat(CsvOutput.text("\uD834\uDD1E ok")).isEqualTo("\uD834\uDD1E ok");
    StringWriter w = new StringWriter();
    try (CsvOutput out = CsvOutput.to(w)) {
      out.row(CsvOutput.text("held by \uD800"));
    }
    assertThat(w.toString()).isEqualTo("held by ?\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new CsvRows(16).row("\uDBFF,x", "é").writeTo(bytes);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\"?,x\",é\n");
  }

  @Test
  void d17InvalidUtf8IsRejectedWithItsPositionNotReplaced() {
    byte[] good = (HEADER + "\n" + GOOD.replace("C1", "Société") + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = (HEADER + "\n" + GOOD.replace("C1", "Soci\u00E9t\u00E9") + "\n" + GOOD + "\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(run(good).get(0).result().line().customerId()).isEqualTo("Société");
    List<UsageOutcome> out = run(bad);
    assertThat(out).hasSize(2);
    assertThat(problem(out.get(0))).isEqualTo(
        "usage.csv:2:1: CustomerId is not valid UTF-8 text (a byte sequence no character is encoded as)");
    assertThat(out.get(1).result()).isNotNull();
    // overlong, surrogate and truncated sequences too
    for (byte[] seq : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}}) {
      assertThat(CsvFields.invalidUtf8At(seq, 0, seq.length)).isZero();
    }
    byte[] euro = "€𝄞".getBytes(StandardCharsets.UTF_8);
    assertThat(CsvFields.invalidUtf8At(euro, 0, euro.length)).isEqualTo(-1);
  }
}
