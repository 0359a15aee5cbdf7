package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.examples.generate.MonthGenerator;
import org.openpec.examples.generate.Shape;

/** {@code pec generate}: shapes, the non-empty-folder guard, and months every command can read. */
class GenerateCommandTest {

  @TempDir
  static Path shared;

  static Path month;

  @BeforeAll
  static void generateARealisticMonth() {
    month = shared.resolve("month");
    CliRun run = CliRun.of("generate", "--out-dir", month.toString(), "--customers", "3", "--seed", "5");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).contains("3 customers");
  }

  private static String[] inputs(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("--usage", month.resolve("usage.csv").toString(),
        "--grants", month.resolve("grants.csv").toString(), "--prices", month.resolve("prices.csv").toString(),
        "--partners", month.resolve("partners.csv").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static String[] command(String name, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = name;
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  @Test
  void aNonEmptyFolderIsRefusedWithoutForce(@TempDir Path tmp) throws IOException {
    Path notes = tmp.resolve("notes.txt");
    Files.writeString(notes, "mine");
    CliRun refused = CliRun.of("generate", "--out-dir", tmp.toString(), "--customers", "1", "--days", "2");
    assertThat(refused.status()).isEqualTo(2);
    assertThat(refused.err()).contains("--out-dir").contains("not empty").contains("--force");
    assertThat(tmp.resolve("usage.csv")).doesNotExist();

    CliRun forced = CliRun.of("generate", "--out-dir", tmp.toString(), "--customers", "1", "--days", "2", "--force");
    assertThat(forced.status()).as(forced.err()).isZero();
    assertThat(tmp.resolve("usage.csv")).exists();
    assertThat(Files.readString(notes)).isEqualTo("mine");
  }

  @Test
  void anExistingEmptyFolderIsFine(@TempDir Path tmp) {
    CliRun run = CliRun.of("generate", "--out-dir", tmp.toString(), "--customers", "1", "--days", "2");
    assertThat(run.status()).as(run.err()).isZero();
  }

  @Test
  void denseShapeWritesWhatTheDenseGeneratorWrites(@TempDir Path tmp) throws IOException {
    CliRun run = CliRun.of("generate", "--shape", "dense", "--out-dir", tmp.resolve("cli").toString(),
        "--customers", "4", "--days", "5", "--seed", "9");
    assertThat(run.status()).as(run.err()).isZero();
    MonthGenerator.builder().shape(Shape.DENSE).customers(4).days(5).seed(9).build().writeTo(tmp.resolve("api"));
    for (String f : List.of("usage.csv", "grants.csv", "prices.csv", "partners.csv")) {
      assertThat(Files.mismatch(tmp.resolve("cli").resolve(f), tmp.resolve("api").resolve(f))).as(f).isEqualTo(-1L);
    }
  }

  @Test
  void anUnknownShapeIsAUsageError(@TempDir Path tmp) {
    CliRun run = CliRun.of("generate", "--shape", "sparse", "--out-dir", tmp.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--shape");
  }

  @Test
  void creditReadsEveryRecordAndRejectsOnlyTheMalformedOnes() throws IOException {
    Path out = shared.resolve("credit.csv");
    Path summary = shared.resolve("summary.json");
    CliRun run = CliRun.of(command("credit", inputs("--out", out.toString(), "--summary", summary.toString())));
    assertThat(run.status()).as(run.err()).isZero();
    long records = Files.lines(month.resolve("usage.csv"), StandardCharsets.UTF_8).count() - 1;
    List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(rows).hasSize((int) records + 1);
    assertThat(rows.stream().filter(r -> r.contains(",REJECTED,")).count()).isEqualTo(4);
    assertThat(Files.readString(summary)).contains("\"rejected\" : 4");
  }

  @Test
  void repricingFindsNoConflictingPrices() {
    CliRun run = CliRun.of(command("credit", inputs("--reprice", "--out",
        shared.resolve("repriced.csv").toString())));
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("different prices");
  }

  @Test
  void reconcileFindsMicrosoftsColumnsAsOpenpecComputesThemAndLossesRun() throws IOException {
    Path rec = shared.resolve("rec.csv");
    CliRun reconcile = CliRun.of(command("reconcile", inputs("--out", rec.toString())));
    assertThat(reconcile.status()).as(reconcile.err()).isZero();
    List<String> rows = Files.readAllLines(rec, StandardCharsets.UTF_8);
    int kind = List.of(rows.get(0).split(",")).indexOf("Kind");
    // The generator writes the PEC columns its access stories imply: every readable line matches.
    assertThat(rows.subList(1, rows.size())).extracting(r -> r.split(",", -1)[kind])
        .containsOnly("MATCH", "REJECTED").filteredOn("REJECTED"::equals).hasSize(4);
    CliRun losses = CliRun.of(command("losses", inputs("--out", shared.resolve("losses.csv").toString())));
    assertThat(losses.status()).as(losses.err()).isZero();
  }
}
