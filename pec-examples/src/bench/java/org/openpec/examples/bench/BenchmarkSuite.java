package org.openpec.examples.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import org.openpec.io.UsageRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark suite of issue 6: on one generated month, in one JVM, it measures
 * <ul>
 *   <li>(a) openpec end to end, CSV in → statement (the parallel {@code UsageRun}, default threads);</li>
 *   <li>(b) openpec end to end, CSV in → {@code credit} CSV out ({@code pec credit --out F --summary J});</li>
 *   <li>(c) the parse-only floor: FastCSV reading every field of every record, no other work;</li>
 *   <li>(d) DuckDB computing the same statement in SQL ({@link DuckDbStatement}), with 1 and 2 threads;</li>
 * </ul>
 * checks after the first run, before any time is reported, that (a), (b) and (d) agree exactly on every figure
 * of the statement (records, rejected, eligible lines, and per billing currency the lines, ListCost,
 * PricingPreTaxTotal, Credit, BillingPreTaxTotal and BillingCredit) and that every later run repeats them, and
 * fails (exit 1) otherwise. Then it prints a Markdown table — min/median/max seconds, lines per second, peak RSS
 * per measurement, the ratios (a)/(d, 2 threads) and (b)/(c) — and writes it to a file.
 *
 * <p>Build and run from the repository root (see {@code pec-examples/src/bench/README.md}):
 * <pre>
 * mvn -B -q -Pbench -pl pec-examples -am package -DskipTests &amp;&amp; java -Xmx1g \
 *   -cp "$(cat pec-examples/target/bench-classpath.txt)" \
 *   org.openpec.examples.bench.BenchmarkSuite --lines 2000000 --runs 5 --dir bench-data
 * </pre>
 * {@code --check-only} runs each measurement once and reports only the agreement (the CI smoke test).
 */
@Command(name = "BenchmarkSuite", mixinStandardHelpOptions = true,
    description = "openpec against a parse-only floor and DuckDB on one generated month (issue 6).")
public final class BenchmarkSuite implements Callable<Integer> {

  /** One measurement of the suite, in the order a run takes them. */
  enum Measure {
    PARSE_FLOOR("c", "(c) parse-only floor: FastCSV reads every field"),
    STATEMENT("a", "(a) openpec: CSV in → statement"),
    CREDIT_CSV("b", "(b) openpec: CSV in → credit CSV out (`pec credit --out`)"),
    DUCKDB_1("d1", "(d) DuckDB SQL, 1 thread"),
    DUCKDB_2("d2", "(d) DuckDB SQL, 2 threads");

    final String code;
    final String label;

    Measure(String code, String label) {
      this.code = code;
      this.label = label;
    }

    static Measure of(String code) {
      for (Measure m : values()) {
        if (m.code.equalsIgnoreCase(code.trim())) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown measurement '" + code + "' (a, b, c, d1, d2)");
    }
  }

  @Option(names = "--lines", paramLabel = "N", description = "Usage lines of the generated month (default: ${DEFAULT-VALUE}).")
  long lines = 2_000_000;

  @Option(names = "--runs", paramLabel = "N", description = "Timed runs (default: ${DEFAULT-VALUE}).")
  int runs = 5;

  @Option(names = "--warmup", paramLabel = "N", description = "Untimed runs before the timed ones (default: ${DEFAULT-VALUE}).")
  int warmup = 0;

  @Option(names = "--dir", paramLabel = "D",
      description = "Folder for the month, the outputs and the report (default: ${DEFAULT-VALUE}, git-ignored).")
  Path dir = Path.of("bench-data");

  @Option(names = "--seed", paramLabel = "N", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--malformed-every", paramLabel = "N",
      description = "One malformed usage record in N (default: the generator's, ${DEFAULT-VALUE}).")
  long malformedEvery = org.openpec.examples.generate.MonthGenerator.DEFAULT_MALFORMED_EVERY;

  @Option(names = "--shape", paramLabel = "S",
      description = "Shape of the generated month: REALISTIC or DENSE (default: ${DEFAULT-VALUE}).")
  org.openpec.examples.generate.Shape shape = org.openpec.examples.generate.Shape.REALISTIC;

  @Option(names = "--threads", paramLabel = "N", description = "openpec worker threads for (a) (default: the processors).")
  int threads = UsageRun.defaultThreads();

  @Option(names = "--only", paramLabel = "LIST", split = ",",
      description = "Measurements to take, of a, b, c, d1, d2 (default: all).")
  List<String> only = List.of("a", "b", "c", "d1", "d2");

  @Option(names = "--check-only",
      description = "Run each measurement once, check the agreement, report no time (CI smoke test).")
  boolean checkOnly;

  @Option(names = "--report", paramLabel = "F", description = "Markdown report file (default: DIR/bench-report.md).")
  Path report;

  private final PrintStream log = System.err;

  /** Runs the suite; exit status 0 when the engines agree, 1 when they do not or a run fails, 2 on bad options. */
  public static void main(String[] args) {
    BenchmarkSuite suite = new BenchmarkSuite();
    suite.arguments = String.join(" ", args);
    System.exit(new CommandLine(suite).execute(args));
  }

  private String arguments = "";

  @Override
  public Integer call() throws Exception {
    Set<Measure> measures = EnumSet.noneOf(Measure.class);
    for (String code : only) {
      measures.add(Measure.of(code));
    }
    if (checkOnly) {
      runs = 1;
      warmup = 0;
    }
    if (runs < 1 || warmup < 0 || lines < 1 || threads < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--runs, --lines and --threads must be at least 1, --warmup at least 0");
    }
    Files.createDirectories(dir);
    BenchMonth month = BenchMonth.prepare(dir, lines, seed, malformedEvery, shape, log);
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Path roles = out.resolve("pec-roles.csv");
    try (InputStream in = org.openpec.model.RoleCatalog.class.getResourceAsStream("pec-roles.csv")) {
      if (in == null) {
        throw new IllegalStateException("the bundled role catalogue is missing from the classpath");
      }
      Files.copy(in, roles, StandardCopyOption.REPLACE_EXISTING);
    }
    String duckDbVersion = "";
    DuckDbStatement duck = null;
    if (measures.contains(Measure.DUCKDB_1) || measures.contains(Measure.DUCKDB_2)) {
      duckDbVersion = DuckDbStatement.warmUp();
      duck = DuckDbStatement.of(month, roles);
    }

    Map<Measure, List<Double>> seconds = new EnumMap<>(Measure.class);
    Map<Measure, Long> peakKib = new EnumMap<>(Measure.class);
    Map<Measure, EngineFigures> first = new EnumMap<>(Measure.class);
    long parsedRecords = -1;
    for (int run = -warmup; run < runs; run++) {
      boolean timed = run >= 0;
      log.printf("%s %d of %d%n", timed ? "run" : "warm-up", timed ? run + 1 : run + warmup + 1,
          timed ? runs : warmup);
      for (Measure m : measures) {
        System.gc();
        boolean peaks = ProcessMemory.resetPeak();
        long t0 = System.nanoTime();
        EngineFigures figures = null;
        switch (m) {
          case PARSE_FLOOR -> parsedRecords = OpenpecRuns.parseFloor(month.usage())[0];
          case STATEMENT -> figures = OpenpecRuns.statement(month, threads);
          case CREDIT_CSV -> {
            Files.deleteIfExists(out.resolve("credit.csv"));
            figures = OpenpecRuns.creditCommand(month, out.resolve("credit.csv"), out.resolve("summary.json"));
          }
          case DUCKDB_1 -> figures = duck.run(1);
          case DUCKDB_2 -> figures = duck.run(2);
          default -> throw new AssertionError(m);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        OptionalLong peak = peaks ? ProcessMemory.peakKib() : OptionalLong.empty();
        if (checkOnly) {
          log.printf("  %-4s done%n", m.code);
        } else {
          log.printf("  %-4s %8.2f s%s%n", m.code, s, peak.isPresent()
              ? String.format(Locale.ROOT, "  peak RSS %,d MiB", peak.getAsLong() / 1024) : "");
        }
        if (figures != null) {
          EngineFigures earlier = first.putIfAbsent(m, figures);
          if (earlier != null && !earlier.differences(figures).isEmpty()) {
            return fail("run " + (run + 1) + " of " + m.label + " differs from its first run", earlier.differences(figures));
          }
          if (m == Measure.CREDIT_CSV && earlier == null) {
            EngineFigures table = OpenpecRuns.fromCreditCsv("credit.csv rows", out.resolve("credit.csv"));
            if (!figures.differences(table).isEmpty()) {
              return fail("the credit CSV does not hold what its summary says", figures.differences(table));
            }
          }
        }
        if (timed) {
          seconds.computeIfAbsent(m, k -> new ArrayList<>()).add(s);
          peak.ifPresent(p -> peakKib.merge(m, p, Math::max));
        }
      }
      if (run == -warmup) {
        Integer status = checkAgreement(first, parsedRecords, month);
        if (status != null) {
          return status;
        }
      }
    }
    Files.deleteIfExists(out.resolve("credit.csv"));
    if (checkOnly) {
      System.out.println(agreementText(first));
      return 0;
    }
    String table = report(month, measures, seconds, peakKib, first, duckDbVersion);
    System.out.println(table);
    Path file = report != null ? report : dir.resolve("bench-report.md");
    Files.writeString(file, table, StandardCharsets.UTF_8);
    log.println("report written to " + file);
    return 0;
  }

  /** Null when every engine agrees with the first; else the exit status after printing the differences. */
  private Integer checkAgreement(Map<Measure, EngineFigures> first, long parsedRecords, BenchMonth month) {
    List<EngineFigures> engines = new ArrayList<>(first.values());
    for (int i = 1; i < engines.size(); i++) {
      List<String> diff = engines.get(0).differences(engines.get(i));
      if (!diff.isEmpty()) {
        return fail(engines.get(0).engine() + " and " + engines.get(i).engine() + " disagree", diff);
      }
    }
    if (engines.size() < 2) {
      log.println("agreement: only " + engines.size() + " engine measured; nothing to compare");
    }
    for (EngineFigures e : engines) {
      if (e.records() != month.usageRecords()) {
        return fail(e.engine() + " read " + e.records() + " records, the generator wrote " + month.usageRecords(),
            List.of());
      }
    }
    if (parsedRecords >= 0 && parsedRecords != month.usageRecords()) {
      return fail("the parse-only floor read " + parsedRecords + " records, the generator wrote "
          + month.usageRecords(), List.of());
    }
    log.println(agreementText(first));
    return null;
  }

  private int fail(String what, List<String> differences) {
    log.println("DISAGREEMENT: " + what);
    for (String d : differences) {
      log.println("  " + d);
    }
    System.out.println("DISAGREEMENT: " + what + (differences.isEmpty() ? "" : " — " + String.join("; ", differences)));
    return 1;
  }

  private static String agreementText(Map<Measure, EngineFigures> first) {
    if (first.isEmpty()) {
      return "agreement: no engine measured";
    }
    EngineFigures f = first.values().iterator().next();
    List<String> names = first.values().stream().map(EngineFigures::engine).toList();
    return String.format(Locale.ROOT, "agreement: %s agree exactly: %,d records, %,d rejected, %,d eligible lines, "
        + "total credit %s (pricing currency), list cost %s, %d billing currencies", String.join(", ", names),
        f.records(), f.rejected(), f.eligible(), f.credit().toPlainString(), f.listCost().toPlainString(),
        f.byBillingCurrency().size());
  }

  private String report(BenchMonth month, Set<Measure> measures, Map<Measure, List<Double>> seconds,
      Map<Measure, Long> peakKib, Map<Measure, EngineFigures> first, String duckDbVersion) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "### openpec benchmark: %,d usage records, %d run%s%n%n",
        month.usageRecords(), runs, runs == 1 ? "" : "s"));
    sb.append(String.format(Locale.ROOT, "Month: `pec generate --shape %s --lines %d --seed %d` (%,d records, %,d "
        + "malformed; %.2f GB). Machine: %d processors, Java %s, max heap %,d MiB%s; openpec threads %d; warm-up runs %d.%n%n",
        shape.name().toLowerCase(Locale.ROOT), month.targetLines(), month.seed(), month.usageRecords(),
        month.malformedRecords(), month.usageBytes() / 1e9,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, duckDbVersion.isEmpty() ? "" : ", DuckDB " + duckDbVersion,
        threads, warmup));
    sb.append("| Measurement | min s | median s | max s | records/s (median) | peak RSS MiB |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    for (Measure m : measures) {
      List<Double> s = seconds.get(m);
      double median = median(s);
      sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %,.0f | %s |%n", m.label,
          s.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), median,
          s.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), month.usageRecords() / median,
          peakKib.containsKey(m) ? String.format(Locale.ROOT, "%,d", peakKib.get(m) / 1024) : "n/a"));
    }
    sb.append('\n');
    List<String[]> ratios = List.of(
        new String[] {"a", "d2", "(a) / (d) 2 threads", "< 1.0"},
        new String[] {"b", "c", "(b) / (c)", "≤ 1.5"},
        new String[] {"a", "d1", "(a) / (d) 1 thread", ""},
        new String[] {"a", "c", "(a) / (c)", ""});
    StringBuilder rows = new StringBuilder();
    for (String[] r : ratios) {
      List<Double> x = seconds.get(Measure.of(r[0]));
      List<Double> y = seconds.get(Measure.of(r[1]));
      if (x == null || y == null) {
        continue;
      }
      double[] q = new double[x.size()];
      for (int i = 0; i < q.length; i++) {
        q[i] = x.get(i) / y.get(i);
      }
      Arrays.sort(q);
      List<Double> list = Arrays.stream(q).boxed().toList();
      rows.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s |%n", r[2], q[0], median(list),
          q[q.length - 1], r[3].isEmpty() ? "" : r[3] + (median(list) < 1.0 && r[3].startsWith("<")
              || median(list) <= 1.5 && r[3].startsWith("≤") ? " (met)" : " (not met)")));
    }
    if (rows.length() > 0) {
      sb.append("| Ratio (same run) | min | median | max | target (median) |\n|---|---:|---:|---:|---|\n");
      sb.append(rows).append('\n');
    }
    sb.append(agreementText(first)).append(" (checked before timing; every run repeated it).\n\n");
    sb.append("Peak RSS: VmHWM of the whole JVM process, reset before each measurement (the Java heap as grown so "
        + "far, plus DuckDB's native memory while it runs); max over the runs.\n\n");
    String jvm = String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    sb.append("Command: `java ").append(jvm.isEmpty() ? "" : jvm + " ")
        .append("-cp ... org.openpec.examples.bench.BenchmarkSuite ").append(arguments).append("`\n");
    return sb.toString();
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
