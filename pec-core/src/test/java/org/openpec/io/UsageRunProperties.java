package org.openpec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpec.CreditStatement;
import org.openpec.PecCalculator;
import org.openpec.internal.io.CreditCsv;
import org.openpec.model.AccessGrant;
import org.openpec.model.Scope;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class UsageRunProperties {

  private static final String[] ROWS = {
      "C1,P,,plan,S,2026-03-05,prod,0001,m1,/subscriptions/S/resourceGroups/rg/vm1,24,0.50,USD,USD,1,Microsoft",
      "C2,P,R,plan,T,2026-03-06,prod,0001,m2,,1.5,0.0209951014286867,USD,EUR,0.846202666,",
      "C3,P,,plan,S,2026-03-04,prod,0001,m1,/subscriptions/S/resourceGroups/rg/vm2,-3,0.10,USD,USD,1,Datadog",
      "C1,P,,plan,S,2026-03-05,prod,0001,m1,/subscriptions/S,x,0.50,USD,USD,1,Microsoft",
      "C1,P,,plan,S,2026-03-05,prod,0001",
      "C4,P,,plan,T,2026-03-10,prod,0001,m3,/subscriptions/T/resourceGroups/rg,7,1.25,USD,USD,1,Microsoft"};

  private static final PecCalculator PEC = PecCalculator.builder()
      .addGrants(AccessGrant.builder().grantId("G1").partnerId("P").roleName("Owner").scope(Scope.parse("/subscriptions/S"))
          .grantedAt(Instant.parse("2026-03-01T00:00:00Z")).build())
      .addGrants(AccessGrant.builder().grantId("G2").partnerId("R").roleName("Contributor")
          .scope(Scope.parse("/subscriptions/T")).grantedAt(Instant.parse("2026-03-05T12:00:00Z")).build())
      .build();

  private static UsageReader reader(List<Integer> picks) {
    StringBuilder sb = new StringBuilder(UsageReaderTest.HEADER).append('\n');
    for (int i : picks) {
      sb.append(ROWS[i]).append('\n');
    }
    return UsageReader.open(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), "usage.csv");
  }

  @Test
  void parallelRunGivesTheSequentialOutcomesInFileOrderAndTheSameStatement() {
    Gen<List<Integer>> files = SourceDSL.lists().of(SourceDSL.integers().between(0, ROWS.length - 1))
        .ofSizeBetween(0, 60);
    qt().withExamples(200).forAll(files, SourceDSL.integers().between(1, 3), SourceDSL.integers().between(1, 7))
        .checkAssert((picks, threads, batch) -> {
          List<String> sequential = new ArrayList<>();
          CreditStatement expected = UsageRun.run(reader(picks), UsageRun.byLine(PEC::evaluate),
              o -> sequential.add(String.join("|", CreditCsv.cells(o))));
          List<String> parallel = new ArrayList<>();
          CreditStatement actual = UsageRun.run(reader(picks), UsageRun.byLine(PEC::evaluate), CreditCsv::cells,
              cells -> parallel.add(String.join("|", cells)), threads, batch);
          assertThat(parallel).isEqualTo(sequential);
          assertThat(parallel).hasSize(picks.size());
          assertThat(actual).isEqualTo(expected);
          assertThat(actual.lines() + actual.rejected()).isEqualTo(picks.size());
        });
  }

  @Test
  void everyRecordYieldsExactlyOneOutcomeNumberedInOrder() {
    List<Integer> picks = Arrays.asList(0, 3, 1, 4, 2, 5, 5, 4);
    List<String[]> rows = new ArrayList<>();
    UsageRun.run(reader(picks), UsageRun.byLine(PEC::evaluate), CreditCsv::cells, rows::add, 2, 3);
    assertThat(rows).extracting(r -> r[0]).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    assertThat(rows).extracting(r -> r[8]).containsExactly("ELIGIBLE", "REJECTED", "ELIGIBLE", "REJECTED",
        "MARKETPLACE", "OTHER_PARTNER", "OTHER_PARTNER", "REJECTED");
  }

  @Test
  void reusingTheBuffersOfWrittenBatchesChangesNoRow() {
    Gen<List<Integer>> files = SourceDSL.lists().of(SourceDSL.integers().between(0, ROWS.length - 1))
        .ofSizeBetween(0, 80);
    qt().withExamples(300).forAll(files, SourceDSL.integers().between(1, 3), SourceDSL.integers().between(1, 9),
        SourceDSL.integers().between(16, 400)).checkAssert((picks, threads, batch, chunkBytes) -> {
          List<String> sequential = new ArrayList<>();
          CreditStatement expected = UsageRun.run(reader(picks), UsageRun.byLine(PEC::evaluate),
              o -> sequential.add(String.join("|", CreditCsv.cells(o))));
          // tiny chunks, each cut into several batches: a buffer handed back too early would be refilled while a
          // later batch of its chunk is still decoded, or before a rejected record's fields are rendered
          String text = UsageReaderTest.HEADER + "\n" + picks.stream().map(i -> ROWS[i] + "\n")
              .reduce("", String::concat);
          UsageReader tiny = UsageReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
              "usage.csv", chunkBytes);
          List<String> reused = new ArrayList<>();
          CreditStatement actual = UsageRun.runBatches(tiny, UsageRun.byLine(PEC::evaluate), outcomes -> {
            List<String> rows = new ArrayList<>();
            for (UsageOutcome o : outcomes) {
              rows.add(String.join("|", CreditCsv.cells(o)));
            }
            return rows;
          }, reused::addAll, threads, batch, true);
          assertThat(reused).isEqualTo(sequential);
          assertThat(actual).isEqualTo(expected);
        });
  }
}
