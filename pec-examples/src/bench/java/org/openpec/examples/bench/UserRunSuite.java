package org.openpec.examples.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openpec.examples.generate.Shape;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pec credit} as users run it: the shaded {@code pec.jar} as a fresh process with default JVM options
 * ({@code java -jar pec.jar credit --usage ... --out F --summary S}, no {@code -Xmx}), timed on the wall clock
 * with its peak resident memory, interleaved with three fresh processes that do comparable work on the same
 * month:
 * <ul>
 *   <li>{@code floor}: the single-thread parse floor, FastCSV materialising every field of every record;</li>
 *   <li>{@code duck-lines}: DuckDB (in a fresh JVM, through JDBC, 2 threads) writing the same per-line CSV in
 *       input order;</li>
 *   <li>{@code duck-statement}: DuckDB (the same way) computing the statement.</li>
 * </ul>
 * Run {@code i} takes one of each, then run {@code i + 1}; the ratios are taken within a run and their median
 * reported. Before any time is reported, the first run is checked: {@code pec}'s summary agrees exactly with
 * DuckDB's statement (records, rejected, eligible lines, every total per billing currency), {@code pec}'s CSV
 * sums to its summary, the floor read every record, and DuckDB's per-line CSV equals {@code pec}'s row by row on
 * every comparable column (eligibility, percentage, the six amounts by value, currency, subscription, day).
 *
 * <p>Peak RSS is the child's maximum resident set size as {@code /usr/bin/time} reports it (the kernel's
 * {@code ru_maxrss}); without that program, {@code VmHWM} of {@code /proc/PID/status} polled every 20 ms.
 *
 * <pre>
 * mvn -B -q -Pbench -pl pec-examples -am package -DskipTests &amp;&amp; java -cp "$(cat pec-examples/target/bench-classpath.txt)" \
 *   org.openpec.examples.bench.UserRunSuite --lines 1000000 --runs 3 --dir bench-data
 * </pre>
 */
@Command(name = "UserRunSuite", mixinStandardHelpOptions = true,
    description = "pec credit as a fresh process against the parse floor and DuckDB, each a fresh process.")
public final class UserRunSuite implements Callable<Integer> {

  /** One measurement, in the order a run takes them. */
  enum Measure {
    PEC("pec", "`pec credit --out F --summary S` (java -jar pec.jar, default JVM options)"),
    FLOOR("floor", "parse floor: FastCSV materialises every field, 1 thread"),
    DUCK_LINES("duck-lines", "DuckDB writes the per-line CSV in input order, 2 threads"),
    DUCK_STATEMENT("duck-statement", "DuckDB computes the statement, 2 threads");

    final String code;
    final String label;

    Measure(String code, String label) {
      this.code = code;
      this.label = label;
    }
  }

  /** What one child process did. */
  record Outcome(double seconds, OptionalLong peakKib, List<String> stdout, double innerSeconds) {}

  @Option(names = "--lines", paramLabel = "N", description = "Usage lines of the month (default: ${DEFAULT-VALUE}).")
  long lines = 1_000_000;

  @Option(names = "--runs", paramLabel = "N", description = "Runs of each measurement (default: ${DEFAULT-VALUE}).")
  int runs = 3;

  @Option(names = "--shape", paramLabel = "S", description = "REALISTIC or DENSE (default: ${DEFAULT-VALUE}).")
  Shape shape = Shape.REALISTIC;

  @Option(names = "--seed", paramLabel = "N", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--malformed-every", paramLabel = "N", description = "One malformed record in N (default: ${DEFAULT-VALUE}).")
  long malformedEvery = org.openpec.examples.generate.MonthGenerator.DEFAULT_MALFORMED_EVERY;

  @Option(names = "--dir", paramLabel = "D", description = "Folder of months and outputs (default: ${DEFAULT-VALUE}).")
  Path dir = Path.of("bench-data");

  @Option(names = "--jar", paramLabel = "F", description = "The shaded pec.jar (default: ${DEFAULT-VALUE}).")
  Path jar = Path.of("pec-examples/target/pec.jar");

  @Option(names = "--duckdb-threads", paramLabel = "N", description = "DuckDB threads (default: ${DEFAULT-VALUE}).")
  int duckThreads = 2;

  @Option(names = "--check-only", description = "One run, agreement only, no times reported.")
  boolean checkOnly;

  @Option(names = "--report", paramLabel = "F", description = "Markdown report (default: DIR/user-run-report.md).")
  Path report;

  private final PrintStream log = System.err;
  private String arguments = "";
  private String loadBefore = "";

  /** Runs the suite; exit 0 when every engine agrees, 1 otherwise or when a child fails, 2 on bad options. */
  public static void main(String[] args) {
    UserRunSuite suite = new UserRunSuite();
    suite.arguments = String.join(" ", args);
    System.exit(new CommandLine(suite).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (checkOnly) {
      runs = 1;
    }
    if (runs < 1 || lines < 1 || duckThreads < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--runs, --lines and --duckdb-threads must be at least 1");
    }
    if (!Files.isRegularFile(jar)) {
      log.println("no " + jar + ": build it first (mvn -B -Pbench -pl pec-examples -am package -DskipTests)");
      return 1;
    }
    Files.createDirectories(dir);
    BenchMonth month = BenchMonth.prepare(dir, lines, seed, malformedEvery, shape, log);
    Path out = dir.resolve("user-run");
    Files.createDirectories(out);
    Path roles = out.resolve("pec-roles.csv");
    try (InputStream in = org.openpec.model.RoleCatalog.class.getResourceAsStream("pec-roles.csv")) {
      Files.copy(in, roles, StandardCopyOption.REPLACE_EXISTING);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
    log.println("peak RSS from " + (gnuTime ? "/usr/bin/time (ru_maxrss)" : "VmHWM of /proc/PID/status, polled"));

    Path credit = out.resolve("credit.csv");
    Path summary = out.resolve("summary.json");
    Path duckLines = out.resolve("duckdb-lines.csv");
    Map<Measure, List<String>> commands = new EnumMap<>(Measure.class);
    commands.put(Measure.PEC, List.of(java, "-jar", jar.toString(), "credit", "--usage", month.usage().toString(),
        "--grants", month.grants().toString(), "--prices", month.prices().toString(), "--partners",
        month.partners().toString(), "--out", credit.toString(), "--summary", summary.toString()));
    commands.put(Measure.FLOOR, List.of(java, "-cp", classpath, Child.class.getName(), "floor",
        month.usage().toString()));
    commands.put(Measure.DUCK_LINES, List.of(java, "-cp", classpath, Child.class.getName(), "duckdb-lines",
        month.directory().toString(), roles.toString(), Integer.toString(duckThreads), duckLines.toString()));
    commands.put(Measure.DUCK_STATEMENT, List.of(java, "-cp", classpath, Child.class.getName(), "duckdb-statement",
        month.directory().toString(), roles.toString(), Integer.toString(duckThreads)));

    Map<Measure, List<Outcome>> outcomes = new EnumMap<>(Measure.class);
    loadBefore = loadAverage();
    EngineFigures firstPec = null;
    EngineFigures firstDuck = null;
    for (int run = 1; run <= runs; run++) {
      log.printf("run %d of %d%n", run, runs);
      for (Measure m : Measure.values()) {
        Files.deleteIfExists(credit);
        Files.deleteIfExists(duckLines);
        Outcome o = launch(commands.get(m), out.resolve(m.code + ".err"), gnuTime ? out.resolve("time.txt") : null);
        outcomes.computeIfAbsent(m, k -> new ArrayList<>()).add(o);
        log.printf(Locale.ROOT, "  %-15s %7.2f s  peak RSS %s%n", m.code, o.seconds(),
            o.peakKib().isPresent() ? String.format(Locale.ROOT, "%,d MiB", o.peakKib().getAsLong() / 1024) : "n/a");
        switch (m) {
          case PEC -> {
            EngineFigures f = OpenpecRuns.fromSummary("pec credit", summary);
            if (firstPec == null) {
              firstPec = f;
              List<String> d = f.differences(OpenpecRuns.fromCreditCsv("pec credit CSV rows", credit));
              if (!d.isEmpty()) {
                return fail("pec's CSV does not hold what its summary says", d);
              }
              if (f.records() != month.usageRecords()) {
                return fail("pec read " + f.records() + " records, the generator wrote " + month.usageRecords(),
                    List.of());
              }
            } else if (!firstPec.differences(f).isEmpty()) {
              return fail("run " + run + " of pec differs from its first run", firstPec.differences(f));
            }
            if (run == 1) {
              Files.copy(credit, out.resolve("credit-run1.csv"), StandardCopyOption.REPLACE_EXISTING);
            }
          }
          case FLOOR -> {
            long records = Long.parseLong(value(o, "records"));
            if (records != month.usageRecords()) {
              return fail("the parse floor read " + records + " records, the generator wrote "
                  + month.usageRecords(), List.of());
            }
          }
          case DUCK_LINES -> {
            if (run == 1) {
              List<String> d = comparePerLine(out.resolve("credit-run1.csv"), duckLines);
              if (!d.isEmpty()) {
                return fail("DuckDB's per-line CSV differs from pec's", d);
              }
            }
          }
          case DUCK_STATEMENT -> {
            EngineFigures f = duckFigures(o);
            if (firstDuck == null) {
              firstDuck = f;
              List<String> d = firstPec.differences(f);
              if (!d.isEmpty()) {
                return fail("pec and DuckDB disagree", d);
              }
              log.println(agreement(firstPec, f));
            } else if (!firstDuck.differences(f).isEmpty()) {
              return fail("run " + run + " of DuckDB differs from its first run", firstDuck.differences(f));
            }
          }
          default -> throw new AssertionError(m);
        }
      }
    }
    Files.deleteIfExists(credit);
    Files.deleteIfExists(duckLines);
    Files.deleteIfExists(out.resolve("credit-run1.csv"));
    if (checkOnly) {
      System.out.println(agreement(firstPec, firstDuck) + "; DuckDB's per-line CSV equals pec's on every comparable "
          + "column");
      return 0;
    }
    String table = report(month, outcomes, firstPec, firstDuck, gnuTime);
    System.out.println(table);
    Path file = report != null ? report : dir.resolve("user-run-report.md");
    Files.writeString(file, table, StandardCharsets.UTF_8);
    log.println("report written to " + file);
    return 0;
  }

  /** Starts a child, waits for it and measures wall clock and peak RSS; fails when it exits non-zero. */
  private Outcome launch(List<String> command, Path stderr, Path timeFile) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (timeFile != null) {
      Files.deleteIfExists(timeFile);
      cmd.addAll(List.of("/usr/bin/time", "-o", timeFile.toString(), "-f", "%M"));
    }
    cmd.addAll(command);
    Path stdout = stderr.resolveSibling(stderr.getFileName().toString().replaceFirst("[.]err$", "") + ".out");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile()).redirectOutput(stdout.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    long peak = -1;
    if (timeFile == null) {
      while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
        peak = Math.max(peak, vmHwm(p.pid()));
      }
    }
    int status = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (status != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + status + ": "
          + Files.readString(stderr, StandardCharsets.UTF_8).lines().limit(20).reduce("", (a, b) -> a + "\n" + b));
    }
    if (timeFile != null) {
      List<String> t = Files.readAllLines(timeFile, StandardCharsets.UTF_8);
      peak = Long.parseLong(t.get(t.size() - 1).trim());
    }
    List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
    double inner = Double.NaN;
    for (String l : lines) {
      if (l.startsWith("inner-seconds ")) {
        inner = Double.parseDouble(l.substring(14));
      }
    }
    return new Outcome(seconds, peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak), lines, inner);
  }

  private static long vmHwm(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.US_ASCII)) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.substring(6).replace("kB", "").trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static String value(Outcome o, String key) {
    for (String l : o.stdout()) {
      if (l.startsWith(key + " ")) {
        return l.substring(key.length() + 1).trim();
      }
    }
    throw new IllegalStateException("the child printed no " + key + ": " + o.stdout());
  }

  private static EngineFigures duckFigures(Outcome o) {
    String[] f = value(o, "figures").split(" ");
    SortedMap<String, EngineFigures.Money> money = new TreeMap<>();
    for (String l : o.stdout()) {
      if (l.startsWith("currency ")) {
        String[] c = l.split(" ");
        money.put(c[1], new EngineFigures.Money(Long.parseLong(c[2]), new BigDecimal(c[3]), new BigDecimal(c[4]),
            new BigDecimal(c[5]), new BigDecimal(c[6]), new BigDecimal(c[7])));
      }
    }
    return new EngineFigures("DuckDB", Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), money);
  }

  /**
   * Compares DuckDB's per-line CSV with pec's, row by row; pec's records of the wrong field count are skipped
   * (DuckDB drops them). Returns the first differences (at most 10), empty when equal.
   */
  static List<String> comparePerLine(Path pecCsv, Path duckCsv) throws IOException {
    List<String> diff = new ArrayList<>();
    String[] money = {"EffectiveUnitPrice", "ListCost", "PricingPreTaxTotal", "Credit", "BillingPreTaxTotal",
        "BillingCredit", "PecPercentage"};
    try (CsvReader<CsvRecord> a = CsvReader.builder().ofCsvRecord(pecCsv);
        CsvReader<CsvRecord> b = CsvReader.builder().ofCsvRecord(duckCsv)) {
      Iterator<CsvRecord> pa = a.iterator();
      Iterator<CsvRecord> pb = b.iterator();
      List<String> ha = pa.next().getFields();
      List<String> hb = pb.next().getFields();
      long compared = 0;
      while (pa.hasNext() && diff.size() < 10) {
        CsvRecord x = pa.next();
        String reason = x.getField(ha.indexOf("Reason"));
        if (reason.equals("REJECTED") && x.getField(ha.indexOf("Detail")).matches(".*:0: record has \\d+ fields.*")) {
          continue;
        }
        if (!pb.hasNext()) {
          diff.add("DuckDB's CSV ends before pec's line " + x.getField(0));
          break;
        }
        CsvRecord y = pb.next();
        compared++;
        String line = "pec line " + x.getField(0) + " / DuckDB row " + y.getField(0);
        String kind = reason.equals("ELIGIBLE") || reason.equals("REJECTED") ? reason : "NOT_ELIGIBLE";
        if (!kind.equals(y.getField(hb.indexOf("Reason")))) {
          diff.add(line + ": " + reason + " vs " + y.getField(hb.indexOf("Reason")));
          continue;
        }
        for (String c : List.of("EntitlementId", "UsageDate", "BillingCurrency")) {
          if (!reason.equals("REJECTED") && !x.getField(ha.indexOf(c)).equals(y.getField(hb.indexOf(c)))) {
            diff.add(line + ": " + c + " " + x.getField(ha.indexOf(c)) + " vs " + y.getField(hb.indexOf(c)));
          }
        }
        for (String c : money) {
          String u = x.getField(ha.indexOf(c));
          String v = y.getField(hb.indexOf(c));
          boolean same = u.isEmpty() || v.isEmpty() ? u.isEmpty() && v.isEmpty()
              : new BigDecimal(u).compareTo(new BigDecimal(v)) == 0;
          if (!same) {
            diff.add(line + ": " + c + " " + u + " vs " + v);
          }
        }
      }
      if (diff.isEmpty() && pb.hasNext()) {
        diff.add("DuckDB's CSV has rows after pec's last line");
      }
      if (diff.isEmpty() && compared == 0) {
        diff.add("no row compared");
      }
    }
    return diff;
  }

  private int fail(String what, List<String> differences) {
    log.println("DISAGREEMENT: " + what);
    differences.forEach(d -> log.println("  " + d));
    System.out.println("DISAGREEMENT: " + what + (differences.isEmpty() ? "" : " — " + String.join("; ", differences)));
    return 1;
  }

  private static String agreement(EngineFigures pec, EngineFigures duck) {
    return String.format(Locale.ROOT, "agreement: pec credit and DuckDB agree exactly: %,d records, %,d rejected, "
        + "%,d eligible lines, total credit %s, list cost %s, %d billing currencies", pec.records(), pec.rejected(),
        pec.eligible(), pec.credit().toPlainString(), pec.listCost().toPlainString(), pec.byBillingCurrency().size());
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private String report(BenchMonth month, Map<Measure, List<Outcome>> outcomes, EngineFigures pec,
      EngineFigures duck, boolean gnuTime) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "### pec credit as users run it: %,d usage records, %d run%s%n%n",
        month.usageRecords(), runs, runs == 1 ? "" : "s"));
    sb.append(String.format(Locale.ROOT, "Month: `pec generate --shape %s --lines %d --seed %d` (%,d records, %.0f MB, "
        + "%.0f bytes per record). Machine: %d processors, %s, Java %s. Every measurement is a fresh process with "
        + "default JVM options; runs interleaved (one of each, then the next run). Load average (1, 5, 15 min) "
        + "before: %s; after: %s.%n%n",
        shape.name().toLowerCase(Locale.ROOT), month.targetLines(), month.seed(), month.usageRecords(),
        month.usageBytes() / 1e6, (double) month.usageBytes() / month.usageRecords(),
        Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("java.version"), loadBefore,
        loadAverage()));
    sb.append("| Measurement (fresh process) | min s | median s | max s | records/s (median) | peak RSS MiB (max) | "
        + "in-process work s (median) |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (Measure m : Measure.values()) {
      List<Outcome> o = outcomes.get(m);
      double[] s = o.stream().mapToDouble(Outcome::seconds).toArray();
      double[] inner = o.stream().mapToDouble(Outcome::innerSeconds).toArray();
      long peak = o.stream().mapToLong(x -> x.peakKib().orElse(-1)).max().orElse(-1);
      sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %,.0f | %s | %s |%n", m.label,
          Arrays.stream(s).min().orElseThrow(), median(s), Arrays.stream(s).max().orElseThrow(),
          month.usageRecords() / median(s), peak < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", peak / 1024),
          Double.isNaN(inner[0]) ? "" : String.format(Locale.ROOT, "%.2f", median(inner))));
    }
    sb.append("\n| Ratio (same run) | min | median | max | target | met |\n|---|---:|---:|---:|---|---|\n");
    ratio(sb, outcomes, Measure.PEC, Measure.DUCK_LINES, "pec credit / DuckDB per-line CSV", 0.5);
    ratio(sb, outcomes, Measure.PEC, Measure.FLOOR, "pec credit / parse floor", 1.5);
    ratio(sb, outcomes, Measure.PEC, Measure.DUCK_STATEMENT, "pec credit / DuckDB statement", Double.NaN);
    long pecPeak = outcomes.get(Measure.PEC).stream().mapToLong(x -> x.peakKib().orElse(-1)).max().orElse(-1);
    sb.append(String.format(Locale.ROOT, "| pec credit peak RSS (max over runs) | | %,d MiB | | ≤ 1,024 MiB | %s |%n%n",
        pecPeak / 1024, pecPeak >= 0 && pecPeak <= 1024 * 1024 ? "yes" : "no"));
    sb.append(agreement(pec, duck)).append("; DuckDB's per-line CSV equals pec's row by row on every comparable "
        + "column (checked on run 1 before any time; later runs repeat the figures).\n\n");
    sb.append("Peak RSS: ").append(gnuTime ? "the child's maximum resident set size from `/usr/bin/time -f %M` "
        + "(kernel ru_maxrss)" : "VmHWM of the child's /proc/PID/status, polled every 20 ms").append(". DuckDB runs "
        + "in a fresh JVM through JDBC (its times include the JVM's start and loading DuckDB's native library; the "
        + "last column is the work inside the process). DuckDB's per-line CSV has pec's columns, with Reason only "
        + "ELIGIBLE/NOT_ELIGIBLE/REJECTED and no Detail.\n\n");
    sb.append("Command: `java -cp \"$(cat pec-examples/target/bench-classpath.txt)\" "
        + "org.openpec.examples.bench.UserRunSuite ").append(arguments).append("`\n");
    return sb.toString();
  }

  private static void ratio(StringBuilder sb, Map<Measure, List<Outcome>> outcomes, Measure a, Measure b,
      String label, double target) {
    List<Outcome> x = outcomes.get(a);
    List<Outcome> y = outcomes.get(b);
    double[] q = new double[x.size()];
    for (int i = 0; i < q.length; i++) {
      q[i] = x.get(i).seconds() / y.get(i).seconds();
    }
    double med = median(q);
    sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s | %s |%n", label,
        Arrays.stream(q).min().orElseThrow(), med, Arrays.stream(q).max().orElseThrow(),
        Double.isNaN(target) ? "" : "≤ " + target, Double.isNaN(target) ? "" : med <= target ? "yes" : "no"));
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String memory() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.US_ASCII)) {
        if (l.startsWith("MemTotal:")) {
          long kib = Long.parseLong(l.substring(9).replace("kB", "").trim());
          return String.format(Locale.ROOT, "%.0f GiB RAM", kib / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "RAM unknown";
    }
    return "RAM unknown";
  }
}
