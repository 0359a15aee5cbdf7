package org.openpec.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpec.LineResult;
import org.openpec.rules.Reason;

class OneLineTest {

  @Test
  void theReadmeExampleEarnsFifteenPercent() {
    LineResult r = OneLine.compute();
    assertThat(r.reason()).isEqualTo(Reason.ELIGIBLE);
    assertThat(r.amounts().credit()).isEqualByComparingTo("1.8");
    assertThat(r.amounts().billingPreTaxTotal()).isEqualByComparingTo("10.20");
  }
}
