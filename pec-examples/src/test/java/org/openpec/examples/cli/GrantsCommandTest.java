package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.internal.io.GrantsCsv;
import org.openpec.io.Loaded;
import org.openpec.io.SideFiles;
import org.openpec.model.AccessGrant;

/**
 * {@code pec grants} and the raw sources in place of {@code --grants}, on hand-written Azure exports (copied from
 * pec-core's access tests) and their hand-written equivalent grants file {@code access/grants.csv}.
 */
class GrantsCommandTest {

  static final String VM_APP = "/subscriptions/5b2c1a3e-7d4f-4e6a-9b8c-0d1e2f3a4b5c/resourceGroups/rg-app/providers/"
      + "Microsoft.Compute/virtualMachines/vm-app-01";
  static final String CUSTOMER_USER = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

  static Path access;

  @TempDir
  Path dir;

  @BeforeAll
  static void locateExports() throws URISyntaxException {
    access = Path.of(GrantsCommandTest.class.getResource("/access/usage.csv").toURI()).getParent();
  }

  static String a(String name) {
    return a0(name);
  }

  /** The three Activity Log exports of one history, with the principals file and the export's start time. */
  static final List<String> LOGS = List.of("--activity-log", a0("cli-create-delete.json"), "--activity-log",
      a0("records-delete-only.json"), "--activity-log", a0("records-recreate.json"), "--principals",
      a0("principals.csv"), "--since", "2026-03-01T00:00:00Z");

  /** Three listings of the subscription, a week apart. */
  static final List<String> SNAPSHOTS = List.of(
      "--snapshot", a0("snapshot-2026-03-01.json") + "@2026-03-01T00:00:00Z",
      "--snapshot", a0("snapshot-2026-03-08.json") + "@2026-03-08T00:00:00Z",
      "--snapshot", a0("snapshot-2026-03-15.json") + "@2026-03-15T00:00:00Z",
      "--principals", a0("principals.csv"));

  private static String a0(String name) {
    try {
      return Path.of(GrantsCommandTest.class.getResource("/access/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static CliRun run(List<String> sources, String... args) {
    return CliRun.of(Stream.concat(Stream.of(args), sources.stream()).toArray(String[]::new));
  }

  static List<NamedCsvRecord> rows(String csv) {
    List<NamedCsvRecord> out = new ArrayList<>();
    CsvReader.builder().ofNamedCsvRecord(csv).forEach(out::add);
    return out;
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Nested
  class Grants {
    @Test
    void writesTheGrantsOfTheHandWrittenEquivalentFile() throws IOException {
      CliRun run = run(LOGS, "grants");
      assertThat(run.status()).isZero();
      assertThat(run.out()).startsWith(GrantsCsv.HEADER_TEXT + "\n");
      Loaded<List<AccessGrant>> imported = SideFiles.grants(file("imported.csv", run.out()));
      Loaded<List<AccessGrant>> byHand = SideFiles.grants(access.resolve("grants.csv"));
      assertThat(imported.problems()).isEmpty();
      assertThat(byHand.problems()).isEmpty();
      assertThat(imported.value()).hasSize(4).isEqualTo(byHand.value());
    }

    @Test
    void summarisesOnStandardError() {
      CliRun run = run(LOGS, "grants");
      assertThat(run.err().lines()).containsExactly(
          "pec: activity log: 3 file(s), 10 event(s), 6 role-assignment change(s), window "
              + "[2026-03-01T00:00:00Z, 2026-03-20T14:30:00.123456700Z)",
          "pec: grants: 4 from 3 assignment(s); 4 attributed, 0 unattributed; principals mapped 2, unmapped 0",
          "pec: uncertain windows: 1; problems: 0",
          "pec: uncertain [2026-03-01T00:00:00Z, 2026-03-02T08:00:00Z), role assignment "
              + "3f1e2d4c-0002-4a5b-8c6d-7e8f9a0b1c2d at /subscriptions/5b2c1a3e-7d4f-4e6a-9b8c-0d1e2f3a4b5c/"
              + "resourceGroups/rg-app:",
          "pec:   deleted at 2026-03-10T16:45:00Z (records-delete-only.json:2) with no create in the activity log: "
              + "assumed held from the window start 2026-03-01T00:00:00Z, but the log holds no event before "
              + "2026-03-02T08:00:00Z");
    }

    @Test
    void withoutSinceTheWindowStartsAtTheEarliestEventAndNothingIsUncertain() throws IOException {
      CliRun run = run(LOGS.subList(0, LOGS.size() - 2), "grants");
      assertThat(run.err()).contains("uncertain windows: 0; problems: 0");
      List<AccessGrant> grants = SideFiles.grants(file("g.csv", run.out())).value();
      assertThat(grants).filteredOn(g -> g.grantId().startsWith("3f1e2d4c-0002")).singleElement()
          .extracting(AccessGrant::grantedAt).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
    }

    @Test
    void writesToOutAndNothingElseToStandardOutput() throws IOException {
      Path out = dir.resolve("grants.csv");
      CliRun run = run(LOGS, "grants", "--out", out.toString());
      assertThat(run.status()).isZero();
      assertThat(run.out()).isEmpty();
      assertThat(SideFiles.grants(out).value()).hasSize(4);
    }

    @Test
    void listsEachUnmappedPrincipalOnceAndTheListingsWindows() {
      CliRun run = run(SNAPSHOTS, "grants");
      assertThat(run.status()).isZero();
      assertThat(rows(run.out())).hasSize(5);
      assertThat(run.err()).contains("principals mapped 2, unmapped 1")
          .contains("pec:   unmapped principal " + CUSTOMER_USER + " (User): 1 grant(s)")
          .contains("appeared between the listings at 2026-03-01T00:00:00Z (snapshot-2026-03-01.json) and "
              + "2026-03-08T00:00:00Z (snapshot-2026-03-08.json)");
      assertThat(run.err().lines().filter(l -> l.contains(CUSTOMER_USER))).hasSize(1);
    }

    @Test
    void takesTheActivityLogAndTheListingsTogether() {
      List<String> both = new ArrayList<>(LOGS);
      both.addAll(SNAPSHOTS.subList(0, SNAPSHOTS.size() - 2));
      CliRun run = run(both, "grants");
      assertThat(run.status()).isZero();
      assertThat(run.err()).contains("activity log: 3 file(s)").contains("snapshots: 3 listing(s)");
      assertThat(rows(run.out())).hasSize(9);
    }

    @Test
    void reportsMalformedEventsWithTheirPositionAndStrictExitsThree() {
      List<String> malformed = List.of("--activity-log", a("records-malformed.json"), "--principals",
          a("principals.csv"));
      CliRun run = run(malformed, "grants");
      assertThat(run.status()).isZero();
      assertThat(run.err().lines()).contains(
          "records-malformed.json:3:1: event 3: not a JSON object",
          "records-malformed.json:4:1: event 4: no operationName",
          "records-malformed.json:5:1: event 5: time must be an ISO-8601 instant, was \"yesterday\"");
      assertThat(run.err()).contains("problems: 7");
      assertThat(rows(run.out())).extracting(r -> r.getField("GrantId"))
          .containsExactly("3f1e2d4c-0004-4a5b-8c6d-7e8f9a0b1c2d");
      CliRun strict = run(malformed, "grants", "--strict");
      assertThat(strict.status()).isEqualTo(3);
      assertThat(strict.out()).isEqualTo(run.out());
      assertThat(run(LOGS, "grants", "--strict").status()).isZero();
    }

    @Test
    void badPrincipalsRowsAreReportedAndCountForStrict() throws IOException {
      Path principals = file("principals.csv", Files.readString(access.resolve("principals.csv"))
          + "11111111-2222-4333-8444-555555555555\n");
      List<String> sources = List.of("--activity-log", a("cli-create-delete.json"), "--principals",
          principals.toString());
      CliRun run = run(sources, "grants");
      assertThat(run.status()).isZero();
      assertThat(run.err()).contains("principals.csv:4:0: record has 1 field, the header has 3")
          .contains("pec: principals file: 1 bad row");
      assertThat(rows(run.out())).allSatisfy(r -> assertThat(r.getField("PartnerId")).isEqualTo("6034453"));
      assertThat(run(sources, "grants", "--strict").status()).isEqualTo(3);
      // a principal listed twice with different partners cannot be used at all (conflicting duplicates are fatal)
      Path conflicting = file("conflicting.csv", Files.readString(access.resolve("principals.csv"))
          + "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d,1111111,AOBO\n");
      CliRun fatal = run(List.of("--activity-log", a("cli-create-delete.json"), "--principals",
          conflicting.toString()), "grants");
      assertThat(fatal.status()).isEqualTo(1);
      assertThat(fatal.err()).contains("conflicting rows for principal 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d: line 2 "
          + "says partner \"6034453\"");
    }

    @Test
    void aListingMayNameItsSeries() {
      String listing = a("snapshot-2026-03-08.json");
      CliRun oneSeries = CliRun.of("grants", "--principals", a("principals.csv"),
          "--snapshot", a("snapshot-2026-03-01.json") + "@2026-03-01T00:00:00Z",
          "--snapshot", listing + "@2026-03-08T00:00:00Z");
      CliRun twoSeries = CliRun.of("grants", "--principals", a("principals.csv"),
          "--snapshot", a("snapshot-2026-03-01.json") + "@2026-03-01T00:00:00Z@sub-a",
          "--snapshot", listing + "@2026-03-08T00:00:00Z@sub-b");
      assertThat(oneSeries.err()).contains("uncertain windows: 1");
      assertThat(twoSeries.status()).isZero();
      assertThat(twoSeries.err()).contains("uncertain windows: 0");
    }

    @Test
    void usageErrorsExitTwoNamingTheOption() {
      CliRun noSource = CliRun.of("grants", "--principals", a("principals.csv"));
      assertThat(noSource.status()).isEqualTo(2);
      assertThat(noSource.err()).contains("--activity-log").contains("--snapshot");
      CliRun noPrincipals = CliRun.of("grants", "--activity-log", a("cli-create-delete.json"));
      assertThat(noPrincipals.status()).isEqualTo(2);
      assertThat(noPrincipals.err()).contains("--principals");
      CliRun noInstant = CliRun.of("grants", "--principals", a("principals.csv"), "--snapshot",
          a("snapshot-2026-03-01.json"));
      assertThat(noInstant.status()).isEqualTo(2);
      assertThat(noInstant.err()).contains("--snapshot").contains("F@INSTANT");
      CliRun badInstant = CliRun.of("grants", "--principals", a("principals.csv"), "--snapshot",
          a("snapshot-2026-03-01.json") + "@yesterday");
      assertThat(badInstant.status()).isEqualTo(2);
      assertThat(badInstant.err()).contains("'yesterday' is not an ISO-8601 instant");
      CliRun badSince = run(LOGS.subList(0, LOGS.size() - 2), "grants", "--since", "March");
      assertThat(badSince.status()).isEqualTo(2);
      assertThat(badSince.err()).contains("--since");
      CliRun backwards = run(LOGS, "grants", "--until", "2026-02-01T00:00:00Z");
      assertThat(backwards.status()).isEqualTo(2);
      assertThat(backwards.err()).contains("--until must be after --since");
    }

    @Test
    void anUnreadableInputExitsOneNamingTheFile() throws IOException {
      Path missing = dir.resolve("missing.json");
      CliRun run = CliRun.of("grants", "--principals", a("principals.csv"), "--activity-log", missing.toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains(missing + ": file not found");
      Path empty = file("empty.csv", "");
      CliRun emptyPrincipals = CliRun.of("grants", "--principals", empty.toString(), "--activity-log",
          a("cli-create-delete.json"));
      assertThat(emptyPrincipals.status()).isEqualTo(1);
      assertThat(emptyPrincipals.err()).contains("empty file");
      CliRun noColumn = CliRun.of("grants", "--principals", file("p.csv", "PrincipalId\nx\n").toString(),
          "--activity-log", a("cli-create-delete.json"));
      assertThat(noColumn.status()).isEqualTo(1);
      assertThat(noColumn.err()).contains("required column PartnerId is missing");
    }

    @Test
    void hasHelpNamingTheSnapshotForm() {
      CliRun run = CliRun.of("grants", "--help");
      assertThat(run.status()).isZero();
      assertThat(run.out()).contains("Usage: pec grants").contains("--snapshot=F@INSTANT[@SERIES]")
          .contains("l1.json@2026-03-01T00:00:00Z@sub-a");
    }
  }

  @Nested
  class SnapshotOption {
    @Test
    void splitsAtTheLastAtSignsSoThatAFileNameMayHoldOne() {
      AccessSourceOptions.SnapshotSource s = AccessSourceOptions.SnapshotSource.parse("a@b.json@2026-03-01T00:00:00Z");
      assertThat(s.file()).isEqualTo(Path.of("a@b.json"));
      assertThat(s.takenAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
      assertThat(s.series()).isEmpty();
      AccessSourceOptions.SnapshotSource t = AccessSourceOptions.SnapshotSource.parse("a@b.json@2026-03-01@sub-a");
      assertThat(t.file()).isEqualTo(Path.of("a@b.json"));
      assertThat(t.takenAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
      assertThat(t.series()).isEqualTo("sub-a");
      assertThat(AccessSourceOptions.SnapshotSource.parse("l.json@2026-03-01T02:00:00+02:00").takenAt())
          .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void refusesATextWithoutAnInstant() {
      assertThatIllegalArgumentException().isThrownBy(() -> AccessSourceOptions.SnapshotSource.parse("l.json"));
      assertThatIllegalArgumentException().isThrownBy(() -> AccessSourceOptions.SnapshotSource.parse("@2026-03-01"));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> AccessSourceOptions.SnapshotSource.parse("l.json@sub-a@2026-13-01"));
      assertThatIllegalArgumentException().isThrownBy(() -> AccessSourceOptions.SnapshotSource.parse("l.json@x@y"));
    }
  }
}
