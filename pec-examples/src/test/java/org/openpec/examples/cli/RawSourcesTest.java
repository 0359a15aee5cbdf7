package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.examples.cli.GrantsCommandTest.LOGS;
import static org.openpec.examples.cli.GrantsCommandTest.SNAPSHOTS;
import static org.openpec.examples.cli.GrantsCommandTest.VM_APP;
import static org.openpec.examples.cli.GrantsCommandTest.a;
import static org.openpec.examples.cli.GrantsCommandTest.rows;
import static org.openpec.examples.cli.GrantsCommandTest.run;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpec.internal.io.CreditCsv;

/**
 * {@code credit}, {@code reconcile}, {@code losses} and {@code explain} on Azure's own records in place of
 * {@code --grants}: the same results as from the equivalent hand-written grants file.
 */
class RawSourcesTest {

  @TempDir
  Path dir;

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static final List<String> GRANTS = List.of("--grants", a("grants.csv"));

  static String usage() {
    return a("usage.csv");
  }

  /** The note that credit appends to the Detail of a line whose day an uncertain window touches. */
  static final String NOTE = " (uncertain: role assignment 3f1e2d4c-0002-4a5b-8c6d-7e8f9a0b1c2d: deleted at "
      + "2026-03-10T16:45:00Z (records-delete-only.json:2) with no create in the activity log: assumed held from the "
      + "window start 2026-03-01T00:00:00Z, but the log holds no event before 2026-03-02T08:00:00Z)";

  @Nested
  class Credit {
    @Test
    void givesTheSameCsvAsTheEquivalentHandWrittenGrantsFile() {
      CliRun fromLog = run(LOGS, "credit", "--usage", usage());
      CliRun byHand = run(GRANTS, "credit", "--usage", usage());
      assertThat(fromLog.status()).isZero();
      assertThat(byHand.status()).isZero();
      assertThat(fromLog.err()).isEmpty();
      List<NamedCsvRecord> imported = rows(fromLog.out());
      List<NamedCsvRecord> written = rows(byHand.out());
      assertThat(imported).hasSize(20).hasSameSizeAs(written);
      assertThat(written).extracting(r -> r.getField("Reason")).contains("ELIGIBLE", "NO_ACCESS", "PARTIAL_DAY");
      int detail = CreditCsv.HEADER.indexOf("Detail");
      List<Long> noted = new ArrayList<>();
      for (int i = 0; i < imported.size(); i++) {
        List<String> a = imported.get(i).getFields();
        List<String> b = written.get(i).getFields();
        assertThat(a.subList(0, detail)).as("row %d", i + 1).isEqualTo(b.subList(0, detail));
        if (!a.get(detail).equals(b.get(detail))) {
          assertThat(a.get(detail)).as("row %d", i + 1).isEqualTo(b.get(detail) + NOTE);
          noted.add(Long.parseLong(a.get(0)));
        }
      }
      assertThat(noted).as("the VM in rg-app on 1 and 2 March, before the log's first event").containsExactly(1L, 3L);
      assertThat(imported.get(0).getField("ResourceURI")).isEqualTo(VM_APP);
    }

    @Test
    void withoutUncertaintyTheCsvIsByteForByteTheSame() throws IOException {
      List<String> noSince = LOGS.subList(0, LOGS.size() - 2);
      CliRun fromLog = run(noSince, "credit", "--usage", usage());
      CliRun fromGrantsCommand = run(noSince, "grants");
      assertThat(fromLog.status()).isZero();
      assertThat(fromLog.out()).doesNotContain("uncertain");
      CliRun byHand = CliRun.of("credit", "--usage", usage(), "--grants",
          file("imported.csv", fromGrantsCommand.out()).toString());
      assertThat(fromLog.out()).isEqualTo(byHand.out());
    }

    @Test
    void theImportsProblemsAreReportedAndCountForStrict() {
      List<String> sources = new ArrayList<>(LOGS);
      sources.addAll(List.of("--activity-log", a("records-malformed.json")));
      CliRun run = run(sources, "credit", "--usage", usage());
      assertThat(run.status()).isZero();
      assertThat(run.err()).contains("records-malformed.json:5:1: event 5: time must be an ISO-8601 instant, was "
          + "\"yesterday\"");
      assertThat(rows(run.out())).hasSize(20);
      assertThat(run(sources, "credit", "--usage", usage(), "--strict").status()).isEqualTo(3);
      assertThat(run(LOGS, "credit", "--usage", usage(), "--strict").status()).isZero();
    }

    @Test
    void warnsOnceAboutPrincipalsMissingFromThePrincipalsFile() {
      CliRun run = run(SNAPSHOTS, "credit", "--usage", usage());
      assertThat(run.status()).isZero();
      assertThat(run.err()).contains("pec: warning: 1 imported grant unattributed: 1 principal is not in the "
          + "principals file: " + GrantsCommandTest.CUSTOMER_USER);
      assertThat(rows(run.out())).filteredOn(r -> r.getField("UsageDate").equals("2026-03-08"))
          .extracting(r -> r.getField("Reason")).containsExactly("ELIGIBLE", "PARTNER_NOT_LINKED");
    }

    @Test
    void usageErrorsNameTheOptions() {
      CliRun neither = CliRun.of("credit", "--usage", usage());
      assertThat(neither.status()).isEqualTo(2);
      assertThat(neither.err()).contains("--grants").contains("--activity-log").contains("--snapshot")
          .contains("--principals");
      CliRun both = run(LOGS, "credit", "--usage", usage(), "--grants", a("grants.csv"));
      assertThat(both.status()).isEqualTo(2);
      assertThat(both.err()).contains("--grants and the raw sources");
      CliRun principalsWithGrants = run(GRANTS, "credit", "--usage", usage(), "--principals", a("principals.csv"));
      assertThat(principalsWithGrants.status()).isEqualTo(2);
      assertThat(principalsWithGrants.err()).contains("--principals");
      CliRun noPrincipals = CliRun.of("credit", "--usage", usage(), "--activity-log", a("cli-create-delete.json"));
      assertThat(noPrincipals.status()).isEqualTo(2);
      assertThat(noPrincipals.err()).contains("--principals");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"reconcile", "losses"})
  void reconcileAndLossesGiveTheSameOutputAsFromTheGrantsFile(String command) {
    CliRun fromLog = run(LOGS, command, "--usage", usage());
    CliRun byHand = run(GRANTS, command, "--usage", usage());
    assertThat(fromLog.status()).isZero();
    assertThat(fromLog.out()).isNotBlank().isEqualTo(byHand.out());
  }

  @Nested
  class Explain {
    @Test
    void saysTheDayIsUncertainAndWhy() {
      CliRun run = run(LOGS, "explain", "--usage", usage(), "--line", "1");
      assertThat(run.status()).isZero();
      assertThat(run.out()).contains("Verdict: ELIGIBLE")
          .contains("Uncertain: Azure's records do not settle the access of 2026-03-01")
          .contains("role assignment 3f1e2d4c-0002-4a5b-8c6d-7e8f9a0b1c2d (partner 6034453, "
              + "/subscriptions/5b2c1a3e-7d4f-4e6a-9b8c-0d1e2f3a4b5c/resourceGroups/rg-app), "
              + "[2026-03-01T00:00:00Z, 2026-03-02T08:00:00Z):")
          .contains("    deleted at 2026-03-10T16:45:00Z (records-delete-only.json:2) with no create in the activity "
              + "log: assumed held from the window start 2026-03-01T00:00:00Z");
      assertThat(run.out().indexOf("Uncertain:")).isLessThan(run.out().indexOf("Money (rules §8):"));
    }

    @Test
    void saysNothingOfUncertaintyWhereNoWindowTouchesTheResourceOrDay() {
      assertThat(run(LOGS, "explain", "--usage", usage(), "--line", "2").out()).as("rg-data, outside rg-app")
          .doesNotContain("Uncertain");
      assertThat(run(LOGS, "explain", "--usage", usage(), "--line", "5").out()).as("3 March").doesNotContain(
          "Uncertain");
      assertThat(run(GRANTS, "explain", "--usage", usage(), "--line", "1").out()).doesNotContain("Uncertain");
    }

    @Test
    void ignoresWindowsOfUnattributedAssignments() throws IOException {
      List<String> listings = SNAPSHOTS.subList(0, SNAPSHOTS.size() - 2);
      CliRun mapped = run(SNAPSHOTS, "explain", "--usage", usage(), "--line", "1");
      assertThat(mapped.out()).contains("role assignment 3f1e2d4c-0012-4a5b-8c6d-7e8f9a0b1c2d (partner 6034453");
      List<String> onlyAdminAgents = new ArrayList<>(listings);
      onlyAdminAgents.addAll(List.of("--principals", file("aobo-only.csv",
          "PrincipalId,PartnerId,Channel\n0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d,6034453,AOBO\n").toString()));
      CliRun unmapped = run(onlyAdminAgents, "explain", "--usage", usage(), "--line", "1");
      assertThat(unmapped.status()).isZero();
      assertThat(unmapped.out()).contains("Verdict: ELIGIBLE").doesNotContain("Uncertain");
      CliRun credit = run(onlyAdminAgents, "credit", "--usage", usage());
      assertThat(rows(credit.out())).filteredOn(r -> r.getField("Detail").contains("(uncertain:"))
          .extracting(r -> r.getField("UsageDate")).containsOnly("2026-03-08", "2026-03-09", "2026-03-10");
    }
  }
}
