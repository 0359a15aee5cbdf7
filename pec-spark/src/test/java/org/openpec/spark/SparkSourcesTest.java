package org.openpec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.CreditStatement;
import org.openpec.examples.cli.PecCommand;
import org.openpec.io.InputException;

/**
 * The usage and access sources {@code pec credit} accepts besides a CSV and a grants file — a Microsoft Graph usage
 * manifest, a CSV in another dialect, Azure's own role-assignment records — and its refusal of a price in another
 * currency, each against {@code pec credit} run in-process on the same inputs; and one evaluation of each line for
 * both rows and statement.
 */
class SparkSourcesTest {

  private static final Path FORMATS =
      Path.of("..", "pec-core", "src", "test", "resources", "org", "openpec", "io", "formats");
  private static final Path ACCESS = Path.of("..", "pec-examples", "src", "test", "resources", "access");

  static SparkSession spark;

  @TempDir
  static Path tmp;

  @BeforeAll
  static void start() {
    spark = SparkCreditTest.session();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** What {@code pec credit} did: its status, the file it wrote (or null) and its standard error. */
  record Pec(int status, String out, String err) {}

  /** {@code pec credit ARGS --out F}, in-process. */
  static Pec pecCredit(List<String> args) throws IOException {
    Path out = Files.createTempFile(tmp, "pec-credit", ".csv");
    Files.delete(out);
    List<String> all = new ArrayList<>(List.of("credit"));
    all.addAll(args);
    all.addAll(List.of("--out", out.toString(), "--threads", "2"));
    StringWriter err = new StringWriter();
    int status = PecCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .execute(all.toArray(String[]::new));
    return new Pec(status, Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : null, err.toString());
  }

  /** What the job did: its status, the concatenation of its parts (or null), its standard output and error. */
  record Job(int status, String out, String report, String err) {}

  /** The job on {@code ARGS --out DIR}, in-process. */
  static Job job(List<String> args) throws IOException {
    Path out = Files.createTempDirectory(tmp, "job").resolve("out");
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--partitions", "2", "--out", out.toString()));
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = CreditJob.execute(all.toArray(String[]::new), new PrintStream(report, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String written = null;
    if (Files.isDirectory(out)) {
      StringBuilder text = new StringBuilder();
      try (var parts = Files.list(out)) {
        for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
          text.append(Files.readString(p, StandardCharsets.UTF_8));
        }
      }
      written = text.toString();
    }
    return new Job(status, written, report.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** One JSON usage record of the export: line {@code template} of the fixture, on {@code day}, of {@code quantity}. */
  private static String record(List<String> templates, int template, int day, String quantity) {
    return templates.get(template).replaceFirst("\"usageDate\":\"[^\"]*\"", "\"usageDate\":\"2026-03-"
        + String.format("%02d", day) + "\"").replaceFirst("\"quantity\":[^,]*", "\"quantity\":" + quantity) + "\n";
  }

  private static void gzip(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A manifest whose blobs, listed in another order than their paths sort in, each hold a malformed record: the
   * same rows as {@code pec credit} on the manifest — numbered across the blobs in the manifest's order, each
   * rejected record's {@code Detail} naming its blob and line — and a statement of the same lines; also when the
   * manifest is named by a URI and read through Spark's file systems.
   */
  @Test
  void aUsageManifestIsReadInItsOrderAsPecCreditReadsIt() throws IOException {
    List<String> templates = Files.readAllLines(FORMATS.resolve("usage.jsonl"));
    Path dir = Files.createDirectories(tmp.resolve("manifest"));
    StringBuilder first = new StringBuilder();
    StringBuilder second = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      first.append(record(templates, i % 3, 1 + i, i == 7 ? "\"many\"" : Integer.toString(10 + i)));
      second.append(record(templates, (i + 1) % 3, 14 + i, i == 2 ? "\"few\"" : Integer.toString(30 + i)));
    }
    gzip(dir.resolve("export/part-z.json.gz"), first.toString());
    gzip(dir.resolve("export/part-a.json.gz"), second.toString());
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, "{\"schemaVersion\":\"2\",\"dataFormat\":\"compressedJSONLines\",\"blobCount\":2,"
        + "\"blobs\":[{\"name\":\"export/part-z.json.gz\",\"partitionValue\":\"1\"},"
        + "{\"name\":\"export/part-a.json.gz\",\"partitionValue\":\"2\"}],\"attributeSet\":\"full\"}");
    Path grants = FORMATS.resolve("grants.csv");

    Pec pec = pecCredit(List.of("--usage", manifest.toString(), "--grants", grants.toString()));
    assertThat(pec.status()).as(pec.err()).isZero();
    assertThat(pec.out()).contains("part-z.json.gz:8:").contains("part-a.json.gz:3:").contains("\n15,");
    PecSpark.Run run = PecSpark.run(spark, manifest.toString(), PecInputs.builder().grants(grants).build(), 3);
    assertThat(SparkCreditTest.sparkText(run)).isEqualTo(pec.out());
    assertThat(run.statement().lines() + run.statement().rejected()).isEqualTo(24);
    assertThat(run.statement().rejected()).isEqualTo(2);

    // The same manifest named by a URI: read through Spark's file systems, as from a lake.
    String uri = "file:" + manifest.toAbsolutePath();
    PecSpark.Run fromStorage = PecSpark.run(spark, uri, PecInputs.builder().grants(grants).build(), 2);
    assertThat(SparkCreditTest.sparkText(fromStorage)).isEqualTo(pec.out());
    for (String usage : List.of("usage.jsonl", "usage.jsonl.gz", "usage.csv")) {
      String other = "file:" + FORMATS.resolve(usage).toAbsolutePath().normalize();
      assertThat(UsageFiles.resolve(other, org.openpec.io.CsvDialect.STANDARD,
          spark.sparkContext().hadoopConfiguration())).as(usage).isEqualTo(new UsageFiles.Listing(other, null));
    }
  }

  /** Usage that is not there is an unusable input, as for {@code pec credit}: the path and "not found". */
  @Test
  void missingUsageIsAnInputError() throws IOException {
    Path grants = FORMATS.resolve("grants.csv");
    String missing = tmp.resolve("no-such-month").resolve("usage.csv").toString();
    assertThatThrownBy(() -> PecSpark.run(spark, missing, PecInputs.builder().grants(grants).build(), 2))
        .isInstanceOf(InputException.class).hasMessageContaining(missing).hasMessageContaining("not found");
  }

  /** A manifest pec cannot use fails on the driver with {@code pec credit}'s message. */
  @Test
  void aBasicManifestIsRefusedWithPecCreditsMessage() throws IOException {
    Path manifest = FORMATS.resolve("basic").resolve("manifest.json");
    Path grants = FORMATS.resolve("grants.csv");
    Pec pec = pecCredit(List.of("--usage", manifest.toString(), "--grants", grants.toString()));
    assertThat(pec.status()).isEqualTo(1);
    String message = pec.err().strip().substring("pec: ".length());
    assertThat(message).contains("attributeSet basic");
    assertThatThrownBy(() -> PecSpark.run(spark, manifest.toString(), PecInputs.builder().grants(grants).build(), 2))
        .isInstanceOf(InputException.class).hasMessage(message);
  }

  /**
   * A generated month written as Excel writes CSV in de-DE (';' between fields, decimal commas), read by the job
   * with {@code --delimiter ';' --decimal-comma}: byte for byte what {@code pec credit} writes with the same options,
   * which is what it writes from the month's own file.
   */
  @Test
  void aEuropeanCsvIsReadWithPecCreditsDialectOptions() throws IOException {
    SparkCreditTest.Month m = SparkCreditTest.generated(tmp, 21);
    Path eu = tmp.resolve("eu-usage.csv");
    List<String> decimals = List.of("Quantity", "UnitPrice", "PCToBCExchangeRate", "EffectiveUnitPrice",
        "BillingPreTaxTotal", "PricingPreTaxTotal");
    try (CsvReader<CsvRecord> in = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
            .allowExtraCharsAfterClosingQuote(true).allowUnclosedQuote(true).ofCsvRecord(m.usage());
        CsvWriter out = CsvWriter.builder().fieldSeparator(';').build(eu, StandardCharsets.UTF_8)) {
      List<Integer> numeric = new ArrayList<>();
      for (CsvRecord r : (Iterable<CsvRecord>) in.stream()::iterator) {
        List<String> fields = new ArrayList<>(r.getFields());
        if (r.getStartingLineNumber() == 1) {
          for (int i = 0; i < fields.size(); i++) {
            if (decimals.contains(fields.get(i))) {
              numeric.add(i);
            }
          }
        } else {
          for (int i : numeric) {
            if (i < fields.size()) {
              fields.set(i, fields.get(i).replace('.', ','));
            }
          }
        }
        out.writeRecord(fields);
      }
    }
    List<String> side = List.of("--grants", m.grants().toString(), "--prices", m.prices().toString(), "--partners",
        m.partners().toString(), "--reprice");
    List<String> args = new ArrayList<>(List.of("--usage", eu.toString(), "--delimiter", ";", "--decimal-comma"));
    args.addAll(side);
    Pec pec = pecCredit(args);
    assertThat(pec.status()).as(pec.err()).isZero();
    assertThat(pec.out().lines().count()).isEqualTo(m.pecCredit(true).lines().count());
    assertThat(pec.out()).contains(",REJECTED,");
    Job job = job(args);
    assertThat(job.status()).as(job.err()).isZero();
    assertThat(job.out()).isEqualTo(pec.out());

    List<String> plain = new ArrayList<>(List.of("--usage", eu.toString()));
    plain.addAll(side);
    Pec refused = pecCredit(plain);
    assertThat(refused.status()).isEqualTo(1);
    String why = refused.err().strip().substring(refused.err().indexOf(": the header") + 2);
    assertThat(why).startsWith("the header is separated by ';', not ','");
    Job failed = job(plain);
    assertThat(failed.status()).isEqualTo(1);
    assertThat(failed.err()).startsWith("pec-spark: ").endsWith(why + "\n").hasLineCount(1);
  }

  /**
   * Azure's own records in place of the grants file — Activity Log exports with a window start before the first
   * event (so that some lines are noted uncertain) and one malformed event, or three role-assignment listings (one
   * principal missing from the principals file) with a price list holding a bad row — give the rows
   * {@code pec credit} gives on the same sources, notes included; problems and warnings are reported as it reports
   * them, in its order.
   */
  @Test
  void azureRecordsInPlaceOfGrantsGiveWhatPecCreditGives() throws IOException {
    String usage = ACCESS.resolve("usage.csv").toString();
    List<String> logs = List.of("--activity-log", a("cli-create-delete.json"), "--activity-log",
        a("records-delete-only.json"), "--activity-log", a("records-recreate.json"), "--activity-log",
        a("records-malformed.json"), "--principals", a("principals.csv"), "--since", "2026-03-01T00:00:00Z");
    Path prices = tmp.resolve("prices-with-a-bad-row.csv");
    try (var in = getClass().getResourceAsStream("/org/openpec/examples/demo/prices.csv")) {
      Files.writeString(prices, new String(in.readAllBytes(), StandardCharsets.UTF_8) + "not,a,price\n",
          StandardCharsets.UTF_8);
    }
    List<String> snapshots = List.of("--snapshot", a("snapshot-2026-03-01.json") + "@2026-03-01T00:00:00Z",
        "--snapshot", a("snapshot-2026-03-08.json") + "@2026-03-08T00:00:00Z", "--snapshot",
        a("snapshot-2026-03-15.json") + "@2026-03-15T00:00:00Z", "--principals", a("principals.csv"), "--prices",
        prices.toString());
    for (List<String> sources : List.of(logs, snapshots)) {
      List<String> args = new ArrayList<>(List.of("--usage", usage));
      args.addAll(sources);
      Pec pec = pecCredit(args);
      assertThat(pec.status()).as(pec.err()).isZero();
      Job job = job(args);
      assertThat(job.status()).as(job.err()).isZero();
      assertThat(job.out()).isEqualTo(pec.out());
      assertThat(job.err().replace("pec-spark: ", "pec: ")).isEqualTo(pec.err());
    }
    List<String> fromLogsArgs = new ArrayList<>(List.of("--usage", usage));
    fromLogsArgs.addAll(logs);
    Pec fromLogs = pecCredit(fromLogsArgs);
    assertThat(fromLogs.out()).contains("(uncertain: role assignment ");
    assertThat(fromLogs.err()).contains("records-malformed.json:5:1:");
    List<String> fromSnapshotsArgs = new ArrayList<>(List.of("--usage", usage));
    fromSnapshotsArgs.addAll(snapshots);
    assertThat(pecCredit(fromSnapshotsArgs).err()).as("a warning, then the price list's bad row")
        .containsSubsequence("pec: warning: 1 imported grant unattributed", "prices-with-a-bad-row.csv:");
  }

  private static String a(String name) {
    return ACCESS.resolve(name).toString();
  }

  /**
   * A price in another currency than the usage under repricing fails the run on the driver, before any line is
   * evaluated, with the one line and the exit status of {@code pec credit}; the job writes nothing.
   */
  @Test
  void aPriceInAnotherCurrencyFailsOnTheDriverAsPecCreditFails() throws IOException {
    SparkCreditTest.Month m = SparkCreditTest.generated(tmp, 22);
    Path prices = tmp.resolve("eur-prices.csv");
    Files.writeString(prices, Files.readString(m.prices(), StandardCharsets.UTF_8).replace(",USD,", ",EUR,"),
        StandardCharsets.UTF_8);
    List<String> args = List.of("--usage", m.usage().toString(), "--grants", m.grants().toString(), "--prices",
        prices.toString(), "--reprice");
    Pec pec = pecCredit(args);
    assertThat(pec.status()).isEqualTo(1);
    assertThat(pec.err()).startsWith("pec: price list entry ").contains(" is in EUR but usage record ")
        .hasLineCount(1);
    Job job = job(args);
    assertThat(job.status()).isEqualTo(1);
    assertThat(job.out()).isNull();
    assertThat(job.err()).isEqualTo(pec.err().replace("pec: ", "pec-spark: "));
    PecInputs inputs = PecInputs.builder().grants(m.grants()).prices(prices).reprice(true).build();
    assertThatThrownBy(() -> PecSpark.run(spark, m.usage().toString(), inputs, 2))
        .isInstanceOf(InputException.class).hasMessage(pec.err().strip().substring("pec: ".length()));
  }

  /**
   * Persisted, a run evaluates each readable line once for both its CSV lines and its statement; not persisted,
   * twice. Both give what {@code pec credit} gives.
   */
  @Test
  void aPersistedRunEvaluatesEachLineOnceForRowsAndStatement() throws IOException {
    SparkCreditTest.Month m = SparkCreditTest.generated(tmp, 23);
    String expected = m.pecCredit(true);
    PecInputs inputs = m.inputs(true);
    CreditStatement core = m.coreStatement(inputs);

    PecSpark.Run persisted = PecSpark.run(spark, m.usage().toString(), inputs, 3)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      assertThat(SparkCreditTest.sparkText(persisted)).isEqualTo(expected);
      assertThat(persisted.statement()).isEqualTo(core);
      assertThat(persisted.rows().count()).isEqualTo(core.lines() + core.rejected());
      assertThat(persisted.evaluations()).isEqualTo(core.lines());
    } finally {
      persisted.unpersist();
    }

    PecSpark.Run twice = PecSpark.run(spark, m.usage().toString(), inputs, 3);
    assertThat(SparkCreditTest.sparkText(twice)).isEqualTo(expected);
    assertThat(twice.statement()).isEqualTo(core);
    assertThat(twice.evaluations()).isEqualTo(2 * core.lines());
  }
}
