package org.openpec.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
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
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageReaderTest;
import org.openpec.io.UsageRun;
import org.openpec.model.AccessGrant;
import org.openpec.model.Scope;

class CreditCsvTest {

  @TempDir
  Path dir;

  @Test
  void neutralisesFormulaTextButNotNumbers() {
    assertThat(CsvOutput.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(CsvOutput.text("+cmd")).isEqualTo("'+cmd");
    assertThat(CsvOutput.text("-x")).isEqualTo("'-x");
    assertThat(CsvOutput.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvOutput.text("\tx")).isEqualTo("'\tx");
    assertThat(CsvOutput.text("\rx")).isEqualTo("'\rx");
    assertThat(CsvOutput.text("-12.5")).isEqualTo("-12.5");
    assertThat(CsvOutput.text("+1E3")).isEqualTo("+1E3");
    assertThat(CsvOutput.text("plain")).isEqualTo("plain");
  }

  @Test
  void numbersAreWrittenInPlainNotation() {
    assertThat(CsvOutput.number(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(CsvOutput.number(new BigDecimal("1.5E-9"))).isEqualTo("0.0000000015");
  }

  @Test
  void everyRecordIsWrittenAndValuesReadBackExactly() throws IOException {
    Path usage = dir.resolve("usage.csv");
    Files.writeString(usage, UsageReaderTest.HEADER + "\n"
        + UsageReaderTest.GOOD.replace(",24,0.50,", ",23.350007,0.0209951014286867,").replace(",USD,1,", ",EUR,0.846202666,")
        .replace("C1", "=C1") + "\n"
        + UsageReaderTest.GOOD.replace(",24,", ",oops,") + "\n", StandardCharsets.UTF_8);
    AccessGrant owner = AccessGrant.builder().grantId("G1").partnerId("P").roleName("Owner")
        .scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-02-01T00:00:00Z")).build();
    PecCalculator pec = PecCalculator.builder().addGrants(owner).build();
    StringWriter text = new StringWriter();
    CreditStatement statement;
    try (UsageReader reader = UsageReader.open(usage); CreditCsv out = CreditCsv.to(text)) {
      statement = UsageRun.run(reader, UsageRun.byLine(pec::evaluate), o -> {
        if (o.result() == null) {
          out.write(o.record());
        } else {
          out.write(o.record().recordNumber(), o.result());
        }
      });
    }
    List<CsvRecord> rows = new ArrayList<>();
    CsvReader.builder().ofCsvRecord(text.toString()).forEach(rows::add);
    assertThat(rows.get(0).getFields()).isEqualTo(CreditCsv.HEADER);
    assertThat(rows).hasSize(3);
    CsvRecord eligible = rows.get(1);
    assertThat(eligible.getField(1)).isEqualTo("'=C1");
    assertThat(eligible.getField(8)).isEqualTo("ELIGIBLE");
    assertThat(eligible.getField(9)).isEqualTo("15");
    assertThat(new BigDecimal(eligible.getField(10))).isEqualByComparingTo("0.017845836214383695");
    assertThat(new BigDecimal(eligible.getField(14))).isEqualByComparingTo("0.35");
    assertThat(new BigDecimal(eligible.getField(15))).isEqualByComparingTo("0.06");
    LineResult expected = pec.evaluate(UsageReader.open(usage).next().line().orElseThrow());
    assertThat(new BigDecimal(eligible.getField(13))).isEqualTo(expected.amounts().credit());
    CsvRecord rejected = rows.get(2);
    assertThat(rejected.getField(0)).isEqualTo("2");
    assertThat(rejected.getField(6)).isEqualTo("oops");
    assertThat(rejected.getField(8)).isEqualTo("REJECTED");
    assertThat(rejected.getFields().subList(9, 16)).allMatch(String::isEmpty);
    assertThat(rejected.getField(17)).isEqualTo("usage.csv:3:11: Quantity must be a decimal number, was \"oops\"");
    assertThat(statement.rejected()).isEqualTo(1);
    assertThat(statement.total().lines()).isEqualTo(1);
  }
}
