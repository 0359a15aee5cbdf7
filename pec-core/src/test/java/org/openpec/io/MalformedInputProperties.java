package org.openpec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Qt.qt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.CreditStatement;
import org.openpec.PecCalculator;
import org.openpec.internal.io.CreditCsv;
import org.openpec.model.AccessGrant;
import org.openpec.model.Scope;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Bad input never crashes and never vanishes: files stitched from valid and hostile fragments (quotes, commas,
 * line breaks, exponents, odd dates, missing and extra fields) are read to the end, each record yields exactly
 * one outcome, and the only exception is the documented one for an unusable header.
 */
class MalformedInputProperties {

  private static final String[] CELLS = {"", " ", "C1", "P", "R", "plan", "S", "2026-03-05", "3/5/2026",
      "2026-02-30", "2026-03-05T23:30:00-02:00", "prod", "0001", "m1", "/subscriptions/S/resourceGroups/rg/vm1",
      "/", "24", "0.50", "-3", "1E+3", "1E+99999", ".5", "12,5", "\"12,5\"", "\"a\"\"b\"", "\"open", "x\"y",
      "\"line\nbreak\"", "USD", "EUR", "0.846202666", "NaN", "=cmd()", "Microsoft", "Datadog", "Spot", "\uFEFF"};

  private static final PecCalculator PEC = PecCalculator.builder()
      .addGrants(AccessGrant.builder().grantId("G1").partnerId("P").roleName("Owner")
          .scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-03-01T00:00:00Z")).build())
      .build();

  @TempDir
  Path dir;

  private static Gen<List<List<Integer>>> rows() {
    Gen<List<Integer>> row = SourceDSL.lists().of(SourceDSL.integers().between(0, CELLS.length - 1))
        .ofSizeBetween(0, 20);
    return SourceDSL.lists().of(row).ofSizeBetween(0, 12);
  }

  private static String text(String header, List<List<Integer>> rows, String lineEnd) {
    StringBuilder sb = new StringBuilder(header).append(lineEnd);
    for (List<Integer> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(CELLS[row.get(i)]);
      }
      sb.append(lineEnd);
    }
    return sb.toString();
  }

  @Test
  void hostileUsageFilesAreReadToTheEndWithOneOutcomePerRecord() {
    qt().forAll(rows(), SourceDSL.booleans().all()).checkAssert((rows, crlf) -> {
      String text = text(UsageReaderTest.HEADER, rows, crlf ? "\r\n" : "\n");
      List<UsageOutcome> outcomes = new ArrayList<>();
      UsageReader reader = UsageReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
          "usage.csv");
      CreditStatement s = UsageRun.run(reader, UsageRun.byLine(PEC::evaluate), outcomes::add);
      for (UsageOutcome o : outcomes) {
        String[] cells = CreditCsv.cells(o);
        assertThat(cells).hasSize(CreditCsv.HEADER.size());
        if (o.result() == null) {
          assertThat(cells[17]).startsWith("usage.csv:");
        }
      }
      assertThat(s.lines() + s.rejected()).isEqualTo(outcomes.size());
      assertThat(outcomes).extracting(o -> o.record().recordNumber())
          .isEqualTo(java.util.stream.LongStream.rangeClosed(1, outcomes.size()).boxed().toList());
    });
  }

  @Test
  void hostileSideFilesAccountForEveryRowAndNeverThrowOnARow() {
    qt().forAll(rows()).checkAssert(rows -> {
      try {
        String grantsText = text(SideFilesTest.Grants.HEADER, rows, "\n");
        int records = InputFuzzTest.countRecords(grantsText.getBytes(StandardCharsets.UTF_8));
        Loaded<List<AccessGrant>> g = SideFiles.grants(Files.writeString(dir.resolve("grants.csv"), grantsText));
        assertThat(g.rows()).isEqualTo(records);
        assertThat(g.value().size() + g.problems().size()).isEqualTo(records);
        assertThat(g.problems()).allSatisfy(p -> {
          assertThat(p.file()).isEqualTo("grants.csv");
          assertThat(p.line()).isBetween(2L, (long) text(SideFilesTest.Grants.HEADER, rows, "\n").split("\n").length);
        });
        String pricesText = text(SideFilesTest.Prices.HEADER, rows, "\n");
        Loaded<List<SideFiles.PriceRow>> p = SideFiles.priceListRows(
            Files.writeString(dir.resolve("prices.csv"), pricesText), true);
        assertThat(p.rows()).isEqualTo(InputFuzzTest.countRecords(pricesText.getBytes(StandardCharsets.UTF_8)));
        assertThat(p.value().size() + p.problems().size()).isEqualTo(p.rows());
        String partnersText = text("PartnerId,OrganizationId,AgreementStart,AgreementEnd", rows, "\n");
        Loaded<?> partners = SideFiles.partners(Files.writeString(dir.resolve("partners.csv"), partnersText));
        assertThat(partners.rows())
            .isEqualTo(InputFuzzTest.countRecords(partnersText.getBytes(StandardCharsets.UTF_8)));
        assertThat(partners.problems().size()).isLessThanOrEqualTo((int) partners.rows());
        String ratesText = text("EffectiveFrom,Percentage", rows, "\n");
        try {
          Loaded<?> rates = SideFiles.rates(Files.writeString(dir.resolve("rates.csv"), ratesText));
          assertThat(rates.rows()).isEqualTo(InputFuzzTest.countRecords(ratesText.getBytes(StandardCharsets.UTF_8)));
          assertThat(rates.problems().size()).isLessThanOrEqualTo((int) rates.rows());
        } catch (InputException conflict) {
          // two rates for one day: the file as a whole is refused, naming both lines
          assertThat(conflict.getMessage()).contains("rates.csv: conflicting rates for ").contains(" line ");
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
