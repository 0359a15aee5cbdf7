package org.openpec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.examples.cli.PecCommand;
import org.openpec.examples.generate.GeneratedMonth;
import org.openpec.examples.generate.MonthGenerator;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRecord;
import org.openpec.io.UsageRun;
import org.openpec.model.UsageLine;
import org.openpec.money.Currencies;
import org.openpec.pricing.Repricing;

/**
 * The Spark run against {@code pec credit} run in-process on the same files: every row, byte for byte, and the
 * statement against pec-core's own, on the demo month and on generated months, with and without repricing, and on
 * a month cut into several files read in several partitions.
 */
class SparkCreditTest {

  private static final String DEMO = "/org/openpec/examples/demo/";

  static SparkSession spark;

  @TempDir
  static Path tmp;

  @BeforeAll
  static void start() {
    spark = session();
  }

  /** The tests' local[2] session, on the loopback address, without UI. */
  static SparkSession session() {
    SparkSession s = SparkSession.builder().master("local[2]").appName("pec-spark-test")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.adaptive.enabled", "false").getOrCreate();
    s.sparkContext().setLogLevel("WARN");
    return s;
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** The four files of the demo month, copied out of pec-examples' resources. */
  static Month demo() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("demo"));
    for (String f : List.of("usage.csv", "grants.csv", "prices.csv", "partners.csv")) {
      try (InputStream in = SparkCreditTest.class.getResourceAsStream(DEMO + f)) {
        Files.copy(in, dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return new Month(dir.resolve("usage.csv"), dir.resolve("grants.csv"), dir.resolve("prices.csv"),
        dir.resolve("partners.csv"));
  }

  static Month generated(long seed) throws IOException {
    return generated(tmp, seed);
  }

  /** A generated month of 5 customers, with malformed records, written under {@code base}. */
  static Month generated(Path base, long seed) throws IOException {
    GeneratedMonth m = MonthGenerator.builder().seed(seed).customers(5).days(31).linesPerCustomerDay(12)
        .malformedEvery(211).build().writeTo(base.resolve("gen-" + seed));
    return new Month(m.usageFile(), m.grantsFile(), m.pricesFile(), m.partnersFile());
  }

  record Month(Path usage, Path grants, Path prices, Path partners) {
    PecInputs inputs(boolean reprice) {
      return PecInputs.builder().grants(grants).prices(prices).partners(partners).reprice(reprice).build();
    }

    /** {@code pec credit} on this month, in-process: the file it writes. */
    String pecCredit(boolean reprice) throws IOException {
      Path out = Files.createTempFile(usage.getParent(), "pec-credit", ".csv");
      List<String> args = new ArrayList<>(List.of("credit", "--usage", usage.toString(), "--grants",
          grants.toString(), "--prices", prices.toString(), "--partners", partners.toString(), "--out",
          out.toString(), "--threads", "2"));
      if (reprice) {
        args.add("--reprice");
      }
      StringWriter err = new StringWriter();
      int status = PecCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
          .execute(args.toArray(String[]::new));
      assertThat(status).as("pec credit: %s", err).isZero();
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** pec-core's statement of this month, as {@code pec credit} folds it (two passes under repricing). */
    CreditStatement coreStatement(PecInputs inputs) {
      PecInputs.Evaluator e = inputs.evaluator();
      PecCalculator pec = e.calculator;
      Function<UsageRecord, LineResult> evaluator = UsageRun.byLine(pec::evaluate);
      if (e.repricing != null) {
        Repricing.Planner planner = e.repricing.planner();
        try (UsageReader first = UsageReader.open(usage)) {
          first.forEachRemaining(rec -> rec.line().ifPresent(l -> planner.add(rec.recordNumber(), l)));
        }
        Repricing.Plan plan = planner.plan();
        evaluator = rec -> {
          UsageLine line = rec.line().orElseThrow();
          return plan.listCost(rec.recordNumber(), line).map(c -> pec.evaluate(line, c))
              .orElseGet(() -> pec.evaluate(line));
        };
      }
      try (UsageReader reader = UsageReader.open(usage)) {
        return UsageRun.run(reader, evaluator, o -> {});
      }
    }
  }

  /** The Spark run's output as {@code pec credit} writes it. */
  static String sparkText(PecSpark.Run run) {
    return run.csvLines().collectAsList().stream().map(r -> r + "\n").collect(Collectors.joining());
  }

  @ParameterizedTest(name = "demo month, reprice={0}, {1} partitions")
  @CsvSource({"false,1", "true,2"})
  void demoMonthEqualsPecCreditAndTheCoreStatement(boolean reprice, int partitions) throws IOException {
    Month m = demo();
    PecInputs inputs = m.inputs(reprice);
    PecSpark.Run run = PecSpark.run(spark, m.usage().toString(), inputs, partitions);
    String expected = m.pecCredit(reprice);
    assertThat(sparkText(run)).isEqualTo(expected);
    CreditStatement core = m.coreStatement(inputs);
    assertThat(run.statement()).isEqualTo(core);
    assertThat(run.statement().currencies()).isEqualTo(core.currencies());
    for (Currencies c : core.currencies()) {
      assertThat(run.statement().inCurrency(c).total().credit()).isEqualByComparingTo(core.inCurrency(c).total().credit());
    }
  }

  @Test
  void rowsHaveTheColumnsAndValuesOfPecCredit() throws IOException {
    Month m = demo();
    List<Row> rows = PecSpark.credit(spark, m.usage().toString(), m.inputs(false)).orderBy("Line").collectAsList();
    assertThat(PecSpark.columns()).containsExactlyElementsOf(
        List.of(m.pecCredit(false).lines().findFirst().orElseThrow().split(",")));
    List<CsvRecord> expected;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(m.pecCredit(false))) {
      expected = csv.stream().skip(1).toList();
    }
    assertThat(rows).hasSize(expected.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      List<String> cells = new ArrayList<>();
      cells.add(Long.toString(row.getLong(0)));
      for (int c = 1; c < row.size(); c++) {
        cells.add(row.getString(c));
      }
      assertThat(cells).as("row %d", i + 1).isEqualTo(expected.get(i).getFields());
    }
  }

  @ParameterizedTest(name = "generated month, seed {0}, reprice={1}")
  @CsvSource({"1,false", "2,true", "3,true"})
  void generatedMonthsEqualPecCreditAndTheCoreStatement(long seed, boolean reprice) throws IOException {
    Month m = generated(seed);
    PecInputs inputs = m.inputs(reprice);
    PecSpark.Run run = PecSpark.run(spark, m.usage().toString(), inputs, 3);
    String expected = m.pecCredit(reprice);
    assertThat(expected).contains(",REJECTED,");
    assertThat(sparkText(run)).isEqualTo(expected);
    assertThat(run.statement()).isEqualTo(m.coreStatement(inputs));
    assertThat(run.statement().rejected()).isPositive();
  }

  /**
   * A month cut into three files (each with the header) and read in several partitions: the same rows — {@code Line}
   * numbers run on across the files — except that a rejected record's {@code Detail} names its part file and the
   * physical line in it; and the same statement.
   */
  @ParameterizedTest(name = "month in three files, reprice={0}, {1} partitions")
  @CsvSource({"true,5"})
  void aMonthInSeveralFilesGivesTheSameResult(boolean reprice, int partitions) throws IOException {
    Month m = generated(5);
    String text = Files.readString(m.usage(), StandardCharsets.UTF_8);
    List<String> physical = List.of(text.split("(?<=\\n)"));
    List<Long> starts = new ArrayList<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(true).allowUnclosedQuote(true).ofCsvRecord(m.usage())) {
      csv.stream().skip(1).forEach(r -> starts.add(r.getStartingLineNumber()));
    }
    int records = starts.size();
    long[] firstRecord = {1, records / 3 + 1, 2 * records / 3 + 1};
    Path dir = Files.createDirectories(tmp.resolve("split-" + reprice));
    for (int k = 0; k < 3; k++) {
      int from = (int) (starts.get((int) firstRecord[k] - 1) - 1);
      int to = k == 2 ? physical.size() : (int) (starts.get((int) firstRecord[k + 1] - 1) - 1);
      Files.writeString(dir.resolve("part-" + (k + 1) + ".csv"),
          physical.get(0) + String.join("", physical.subList(from, to)), StandardCharsets.UTF_8);
    }
    PecInputs inputs = m.inputs(reprice);
    PecSpark.Run run = PecSpark.run(spark, dir.resolve("part-*.csv").toString(), inputs, partitions);

    StringBuilder expected = new StringBuilder();
    java.util.regex.Pattern detail = java.util.regex.Pattern.compile("usage\\.csv:(\\d+):");
    int rejected = 0;
    for (String row : m.pecCredit(reprice).split("(?<=\\n)")) {
      java.util.regex.Matcher at = detail.matcher(row);
      if (row.contains(",REJECTED,") && at.find()) {
        long record = Long.parseLong(row.substring(0, row.indexOf(',')));
        int k = record >= firstRecord[2] ? 2 : record >= firstRecord[1] ? 1 : 0;
        long line = Long.parseLong(at.group(1)) - (starts.get((int) firstRecord[k] - 1) - 2);
        row = row.substring(0, at.start()) + "part-" + (k + 1) + ".csv:" + line + ":" + row.substring(at.end());
        rejected++;
      }
      expected.append(row);
    }
    assertThat(rejected).isPositive();
    assertThat(sparkText(run)).isEqualTo(expected.toString());
    assertThat(run.statement()).isEqualTo(m.coreStatement(inputs));
  }

  /** The job writes text parts whose concatenation is the file pec credit writes. */
  @Test
  void theJobWritesWhatPecCreditWrites() throws IOException {
    Month m = generated(6);
    Path out = tmp.resolve("job-out");
    java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();
    int status = CreditJob.execute(new String[] {"--usage", m.usage().toString(), "--grants", m.grants().toString(),
        "--prices", m.prices().toString(), "--partners", m.partners().toString(), "--reprice", "--partitions", "3",
        "--out", out.toString()}, new java.io.PrintStream(report, true, StandardCharsets.UTF_8), System.err);
    assertThat(status).isZero();
    StringBuilder written = new StringBuilder();
    try (var parts = Files.list(out)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        written.append(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(written.toString()).isEqualTo(m.pecCredit(true));
    CreditStatement core = m.coreStatement(m.inputs(true));
    Currencies first = core.currencies().first();
    assertThat(report.toString(StandardCharsets.UTF_8)).startsWith("lines " + core.lines() + ", rejected "
        + core.rejected() + "\npriced in " + first.pricing() + ", billed in " + first.billing() + ": "
        + core.inCurrency(first).total().lines() + " lines, list cost "
        + core.inCurrency(first).total().listCost().toPlainString());
  }

  @Test
  void aWrongArgumentIsAUsageError() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int status = CreditJob.run(new String[] {"--usage", "u.csv", "--out", "x"}, System.out,
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--grants");
  }

  /**
   * gzip CSV, JSON Lines and gzip JSON Lines are recognised by content as {@code pec credit} recognises them: the
   * same rows (positions included) and the same statement as {@code pec credit} on the same file.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"usage.csv", "usage.csv.gz", "usage.jsonl", "usage.jsonl.gz"})
  void compressedAndJsonLinesUsageIsReadAsPecCreditReadsIt(String file) throws IOException {
    Path formats = Path.of("..", "pec-core", "src", "test", "resources", "org", "openpec", "io", "formats");
    Path dir = Files.createDirectories(tmp.resolve("formats-" + file.replace('.', '-')));
    Path usage = Files.copy(formats.resolve(file), dir.resolve(file));
    Path grants = Files.copy(formats.resolve("grants.csv"), dir.resolve("grants.csv"));
    Path out = dir.resolve("pec-credit.csv");
    StringWriter err = new StringWriter();
    int status = PecCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
        .execute("credit", "--usage", usage.toString(), "--grants", grants.toString(), "--out", out.toString());
    assertThat(status).as("pec credit: %s", err).isZero();
    String expected = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(expected.lines().count()).isGreaterThan(2);
    PecSpark.Run run = PecSpark.run(spark, usage.toString(), PecInputs.builder().grants(grants).build(), 2);
    assertThat(sparkText(run)).isEqualTo(expected);
    assertThat(run.statement().lines()).isEqualTo(expected.lines().count() - 1 - run.statement().rejected());
  }
}
