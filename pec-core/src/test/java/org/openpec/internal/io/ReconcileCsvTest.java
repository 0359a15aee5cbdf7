package org.openpec.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.PecCalculator;
import org.openpec.internal.reconcile.ReconciledLine;
import org.openpec.internal.reconcile.Reconciler;
import org.openpec.internal.reconcile.ReconciliationKind;
import org.openpec.internal.reconcile.Reported;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageReaderTest;
import org.openpec.io.UsageRun;
import org.openpec.model.AccessGrant;
import org.openpec.model.Scope;

class ReconcileCsvTest {

  private static final String HEADER = UsageReaderTest.HEADER
      + ",PartnerEarnedCreditPercentage,EffectiveUnitPrice,BillingPreTaxTotal";
  /** 24 × 0.50 USD, FX 1: list cost 12; at 15 % the effective unit price is 0.425 and the billing total 10.20. */
  private static final String GOOD = UsageReaderTest.GOOD;

  @TempDir
  Path dir;

  private List<NamedCsvRecord> reconcile(String content) throws IOException {
    Path usage = dir.resolve("usage.csv");
    Files.writeString(usage, content, StandardCharsets.UTF_8);
    AccessGrant owner = AccessGrant.builder().grantId("G1").partnerId("P").roleName("Owner")
        .scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-02-01T00:00:00Z")).build();
    PecCalculator pec = PecCalculator.builder().addGrants(owner).build();
    StringWriter text = new StringWriter();
    try (UsageReader reader = UsageReader.open(usage); ReconcileCsv out = ReconcileCsv.to(text)) {
      UsageRun.run(reader, UsageRun.byLine(pec::evaluate), o -> {
        ReconciledLine row = ReconcileCsv.reconcile(Reconciler.exact(), o);
        out.write(o.record(), row);
      });
    }
    assertThat(text.toString()).startsWith(ReconcileCsv.HEADER_TEXT + "\n");
    List<NamedCsvRecord> rows = new ArrayList<>();
    CsvReader.builder().ofNamedCsvRecord(text.toString()).forEach(rows::add);
    return rows;
  }

  @Test
  void classifiesEachRecordAndEchoesTheReportedText() throws IOException {
    List<NamedCsvRecord> rows = reconcile(HEADER + "\n"
        + GOOD + ",15.0,0.4250,10.20\n"
        + GOOD + ",0,0.50,12.00\n"
        + GOOD + ",,0.425,10.20\n"
        + GOOD.replace(",24,", ",oops,").replace("C1", "=C1") + ",=1+1,x,-0.5\n");
    assertThat(rows).extracting(r -> r.getField("Kind"))
        .containsExactly("MATCH", "CREDIT_MISSING", "REJECTED", "REJECTED");
    assertThat(rows).extracting(r -> r.getField("Line")).containsExactly("1", "2", "3", "4");

    NamedCsvRecord match = rows.get(0);
    assertThat(match.getField("ReportedPercentage")).isEqualTo("15.0");
    assertThat(match.getField("ReportedEffectiveUnitPrice")).isEqualTo("0.4250");
    assertThat(match.getField("ExpectedPercentage")).isEqualTo("15");
    assertThat(new BigDecimal(match.getField("ExpectedEffectiveUnitPrice"))).isEqualByComparingTo("0.425");
    assertThat(new BigDecimal(match.getField("AmountAtStake"))).isZero();
    assertThat(match.getField("Reason")).isEqualTo("ELIGIBLE");
    assertThat(match.getField("UsageDate")).isEqualTo("2026-03-05");

    NamedCsvRecord missing = rows.get(1);
    assertThat(new BigDecimal(missing.getField("AmountAtStake"))).isEqualByComparingTo("1.80");
    assertThat(new BigDecimal(missing.getField("ExpectedBillingPreTaxTotal"))).isEqualByComparingTo("10.20");

    // unusable reported value: REJECTED, but openpec's reason and expected values stay, no amount at stake
    NamedCsvRecord empty = rows.get(2);
    assertThat(empty.getField("Reason")).isEqualTo("ELIGIBLE");
    assertThat(empty.getField("ExpectedPercentage")).isEqualTo("15");
    assertThat(empty.getField("ReportedPercentage")).isEmpty();
    assertThat(empty.getField("AmountAtStake")).isEmpty();

    // unreadable record: raw identifying text (neutralised), no expectation, reported text echoed
    NamedCsvRecord unreadable = rows.get(3);
    assertThat(unreadable.getField("Reason")).isEqualTo("REJECTED");
    assertThat(unreadable.getField("CustomerId")).isEqualTo("'=C1");
    assertThat(unreadable.getField("ReportedPercentage")).isEqualTo("'=1+1");
    assertThat(unreadable.getField("ReportedBillingPreTaxTotal")).isEqualTo("-0.5");
    assertThat(List.of("ExpectedPercentage", "ExpectedEffectiveUnitPrice", "ExpectedBillingPreTaxTotal",
        "AmountAtStake")).allSatisfy(c -> assertThat(unreadable.getField(c)).as(c).isEmpty());
  }

  @Test
  void aColumnTheFileLacksIsNullNotEmpty() throws IOException {
    Path usage = dir.resolve("u.csv");
    Files.writeString(usage, UsageReaderTest.HEADER + ",EffectiveUnitPrice\n" + GOOD + ",0.425\n");
    try (UsageReader reader = UsageReader.open(usage)) {
      Reported r = ReconcileCsv.reported(reader.next());
      assertThat(r.percentage()).isNull();
      assertThat(r.effectiveUnitPrice()).isEqualTo("0.425");
      assertThat(r.billingPreTaxTotal()).isNull();
      assertThat(r.problems()).isEqualTo("PartnerEarnedCreditPercentage is absent; BillingPreTaxTotal is absent");
    }
    assertThat(reconcile(UsageReaderTest.HEADER + "\n" + GOOD + "\n"))
        .singleElement().satisfies(row -> {
          assertThat(row.getField("Kind")).isEqualTo(ReconciliationKind.REJECTED.name());
          assertThat(row.getField("Reason")).isEqualTo("ELIGIBLE");
        });
  }
}
