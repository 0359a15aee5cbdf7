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

  @Test
  void callersInAnotherPackageCopyValuesWithOneAttributeChanged() {
    LineResult r = OneLine.compute();
    org.openpec.model.UsageLine doubled = r.line().withQuantity(new java.math.BigDecimal("48"));
    assertThat(doubled.quantity()).isEqualByComparingTo("48");
    assertThat(doubled.customerId()).isEqualTo(r.line().customerId());
    assertThat(r.line().quantity()).isEqualByComparingTo("24");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> r.line().withCustomerId(" "))
        .withMessageContaining("customerId");
  }
}
