package org.openpec.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteSinkTest {

  private static String scaled(long unscaled, int scale) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ByteSink sink = new ByteSink(bytes, 8)) {
      sink.writeScaled(unscaled, scale);
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void scaledNumbersArePlainWithoutTrailingZeros() throws IOException {
    assertThat(scaled(24_000_000, 6)).isEqualTo("24");
    assertThat(scaled(23_350_007, 6)).isEqualTo("23.350007");
    assertThat(scaled(-1_500_000, 6)).isEqualTo("-1.5");
    assertThat(scaled(32_258, 6)).isEqualTo("0.032258");
    assertThat(scaled(0, 12)).isEqualTo("0");
    assertThat(scaled(-1, 2)).isEqualTo("-0.01");
  }

  @Test
  void scaledNumbersAgreeWithBigDecimal() throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 2000; i++) {
      long v = r.nextLong() >> r.nextInt(63);
      int scale = r.nextInt(19);
      assertThat(new BigDecimal(scaled(v, scale))).isEqualByComparingTo(BigDecimal.valueOf(v, scale));
    }
  }

  @Test
  void plainDropsTrailingZerosOnly() {
    assertThat(ByteSink.plain(new BigDecimal("0.4250"))).isEqualTo("0.425");
    assertThat(ByteSink.plain(new BigDecimal("12.00"))).isEqualTo("12");
    assertThat(ByteSink.plain(new BigDecimal("100"))).isEqualTo("100");
    assertThat(ByteSink.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
  }

  @Test
  void chunksLargerThanTheBufferAreWritten() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ByteSink sink = new ByteSink(bytes, 4)) {
      sink.writeAscii("ab");
      sink.write("cdefghij".getBytes(StandardCharsets.US_ASCII));
      sink.writeAscii("klmnopq");
      sink.writeByte('r');
      assertThat(sink.size()).isEqualTo(18);
    }
    assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo("abcdefghijklmnopqr");
  }
}
