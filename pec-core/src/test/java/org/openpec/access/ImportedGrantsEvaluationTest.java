package org.openpec.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.access.Fixtures.*;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.internal.io.GrantsCsv;
import org.openpec.model.AccessGrant;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.rules.Reason;

/** The grants imported from Activity Log exports earn exactly what the equivalent hand-written grants earn. */
class ImportedGrantsEvaluationTest {

  private static final String VM = RG + "/providers/Microsoft.Compute/virtualMachines/vm1";

  private final ImportResult imported = AccessImport.builder()
      .principals(principals())
      .since(at("2026-03-01T00:00:00Z"))
      .addActivityLogs(log("cli-create-delete.json"), log("records-delete-only.json"), log("records-recreate.json"))
      .build()
      .run();

  /** What a person would write in the grants file for the same history. */
  private static final List<AccessGrant> HAND_WRITTEN = List.of(
      AccessGrant.builder().grantId("A1").partnerId(PARTNER).channel("AOBO").roleDefinitionId(OWNER)
          .scope(Scope.parse(SUB)).grantedAt(at("2026-03-02T09:15:07Z"))
          .revokedAt(at("2026-03-20T14:30:00.1234567Z")).build(),
      AccessGrant.builder().grantId("A2").partnerId(PARTNER).channel("LIGHTHOUSE_OFFER").roleName("Contributor")
          .scope(Scope.parse(RG)).grantedAt(at("2026-03-01T00:00:00Z")).revokedAt(at("2026-03-10T16:45:00Z"))
          .build(),
      AccessGrant.builder().grantId("A3").partnerId(PARTNER).channel("AOBO").roleName("Owner")
          .scope(Scope.parse(SUB)).grantedAt(at("2026-03-02T08:00:00Z")).revokedAt(at("2026-03-05T12:00:00Z"))
          .build(),
      AccessGrant.builder().grantId("A3b").partnerId(PARTNER).channel("AOBO").roleName("Owner")
          .scope(Scope.parse(SUB)).grantedAt(at("2026-03-08T09:30:00Z")).build());

  private static List<UsageLine> month() {
    List<UsageLine> lines = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2026-02-27"); d.isBefore(LocalDate.parse("2026-04-02")); d = d.plusDays(1)) {
      for (String resource : List.of(VM, "")) {
        lines.add(UsageLine.builder().customerId("C").billedPartnerId(PARTNER).subscriptionId("plan")
            .entitlementId(SUBSCRIPTION).usageDate(d).productId("DZH318Z0BQ4L").skuId("0001").meterId("m")
            .resourceUri(resource).quantity(new BigDecimal("24")).unitPrice(new BigDecimal("0.5"))
            .pricingCurrency("USD").billingCurrency("EUR").pcToBcExchangeRate(new BigDecimal("0.9")).build());
      }
    }
    return lines;
  }

  @Test
  void theImportHasNoProblemAndTheExpectedLifetimes() {
    assertThat(imported.problems()).isEmpty();
    assertThat(imported.grants()).extracting(AccessGrant::interval)
        .containsExactlyInAnyOrderElementsOf(HAND_WRITTEN.stream().map(AccessGrant::interval).toList());
  }

  @Test
  void everyLineGetsTheSameVerdictAndMoneyAsWithTheHandWrittenGrants() {
    PecCalculator fromImport = PecCalculator.builder().addAllGrants(imported.grants()).build();
    PecCalculator byHand = PecCalculator.builder().addAllGrants(HAND_WRITTEN).build();
    List<UsageLine> lines = month();
    List<Reason> reasons = new ArrayList<>();
    for (UsageLine line : lines) {
      LineResult a = fromImport.evaluate(line);
      LineResult b = byHand.evaluate(line);
      assertThat(a.reason()).as("%s %s", line.usageDate(), line.resourceUri()).isEqualTo(b.reason());
      assertThat(a.amounts().credit()).isEqualByComparingTo(b.amounts().credit());
      assertThat(a.amounts().billingPreTaxTotal()).isEqualByComparingTo(b.amounts().billingPreTaxTotal());
      reasons.add(a.reason());
    }
    assertThat(reasons).as("the month has eligible and lost days").contains(Reason.ELIGIBLE, Reason.NO_ACCESS,
        Reason.PARTIAL_DAY);
    CreditStatement s1 = lines.stream().collect(fromImport.toStatement());
    CreditStatement s2 = lines.stream().collect(byHand.toStatement());
    assertThat(s1.total().credit()).isEqualByComparingTo(s2.total().credit()).isPositive();
    assertThat(s1.toString()).isEqualTo(s2.toString());
  }

  @Test
  void theGrantsWriteAsTheGrantsFileOfSpecEleven() {
    StringWriter text = new StringWriter();
    try (GrantsCsv out = GrantsCsv.to(text)) {
      out.writeAll(imported.grants());
    }
    String owner = roleDefinition(OWNER);
    String contributor = roleDefinition(CONTRIBUTOR);
    assertThat(text.toString().split("\r?\n")).containsExactly(
        "GrantId,PartnerId,Channel,PrincipalId,PrincipalType,RoleDefinitionId,RoleName,Scope,Assignment,GrantedAt,"
            + "RevokedAt",
        name(2) + "," + PARTNER + ",LIGHTHOUSE_OFFER," + LIGHTHOUSE + ",Group," + contributor + ",Contributor," + RG
            + ",ACTIVE,2026-03-01T00:00:00Z,2026-03-10T16:45:00Z",
        name(3) + "," + PARTNER + ",AOBO," + ADMIN_AGENTS + ",ForeignGroup," + owner + ",Owner," + SUB
            + ",ACTIVE,2026-03-02T08:00:00Z,2026-03-05T12:00:00Z",
        name(1) + "," + PARTNER + ",AOBO," + ADMIN_AGENTS + ",ForeignGroup," + owner + ",Owner," + SUB
            + ",ACTIVE,2026-03-02T09:15:07Z,2026-03-20T14:30:00.123456700Z",
        name(3) + "#2," + PARTNER + ",AOBO," + ADMIN_AGENTS + ",ForeignGroup," + owner + ",Owner," + SUB
            + ",ACTIVE,2026-03-08T09:30:00Z,");
  }
}
