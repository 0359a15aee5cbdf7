package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Qt.qt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The statement's running sums equal {@code BigDecimal.ZERO.add(a).add(b)...} exactly — value and scale —
 * whatever the amounts: the long they are kept in while it fits never rounds, wraps or loses a scale.
 */
class ExactSumProperties {

  /** Amounts of 0–40 digits at scales −3…24: cents, long tails, values near and beyond a long, negatives. */
  private static Gen<BigDecimal> amounts() {
    Gen<BigInteger> unscaled = SourceDSL.integers().between(0, 5).zip(SourceDSL.longs().all(),
        SourceDSL.integers().between(0, 40), (kind, any, digits) -> switch (kind) {
          case 0 -> BigInteger.valueOf(any);
          case 1 -> BigInteger.valueOf(any % 1000);
          case 2 -> BigInteger.TEN.pow(digits).subtract(BigInteger.ONE).multiply(BigInteger.valueOf(Long.signum(any)));
          case 3 -> BigInteger.valueOf(Long.MAX_VALUE / (1 + (any & 0xFF)));
          case 4 -> BigInteger.valueOf(Long.MIN_VALUE / (1 + (any & 0xFF)));
          default -> BigInteger.valueOf(999_999_999_999_999_999L).multiply(BigInteger.valueOf(any % 3));
        });
    return unscaled.zip(SourceDSL.integers().between(-3, 24), BigDecimal::new);
  }

  @Test
  void aRunningSumIsTheBigDecimalSum() {
    qt().forAll(SourceDSL.lists().of(amounts()).ofSizeBetween(0, 60)).checkAssert(values -> {
      assertSumsLike(values);
    });
  }

  @Test
  void sumsOfManyCentsAndLongTailsOverflowALongAndStayExact() {
    BigDecimal big = new BigDecimal("922337203685477.5807");
    assertSumsLike(List.of(big, big, big, new BigDecimal("0.0000000001"), big.negate(), new BigDecimal("12.34"),
        new BigDecimal("-9.223372036854775808E+3"), BigDecimal.ZERO.setScale(20)));
  }

  @Test
  void aZeroOfALargerScaleStillSetsTheScale() {
    assertSumsLike(List.of(new BigDecimal("1.5"), BigDecimal.ZERO.setScale(22)));
    assertSumsLike(List.of(BigDecimal.ZERO.setScale(30)));
  }

  private static void assertSumsLike(List<BigDecimal> values) {
    BigDecimal expected = BigDecimal.ZERO;
    CreditStatement.ExactSum sum = new CreditStatement.ExactSum();
    for (BigDecimal v : values) {
      expected = expected.add(v);
      sum.add(v);
    }
    BigDecimal actual = sum.value();
    assertThat(actual).isEqualTo(expected); // BigDecimal.equals: the same value and the same scale
  }
}
