package org.openpec.examples.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openpec.LineResult;
import org.openpec.examples.generate.MonthGenerator;
import org.openpec.examples.generate.Shape;
import org.openpec.PecCalculator;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRecord;
import org.openpec.model.UsageLine;
import org.openpec.rules.EligibilityRule;
import org.openpec.rules.Reason;
import org.openpec.rules.Rules;
import org.openpec.rules.Verdict;

/**
 * Per-line evaluation with the data in memory (issue 6, target ≥ 2 million lines per second per core): the
 * lines of a generated month are parsed into {@link UsageLine}s and the {@link PecCalculator} is built from its
 * side files before measuring; each operation is one {@code evaluate(line)}, the lines taken in file order,
 * round and round. With one benchmark thread (the default) the score in ops/s is lines per second per core.
 *
 * <pre>
 * java -cp "$(cat pec-examples/target/bench-classpath.txt)" \
 *   org.openjdk.jmh.Main PerLineBenchmark -f 1 -wi 2 -i 3
 * </pre>
 * Run it with {@code -p rules=standard} or {@code -p rules=standard+caller} for one rule only (both by default),
 * and {@code -p shape=REALISTIC} or {@code -p shape=DENSE} for one month's shape (both by default).
 * The month ({@code -p lines=200000} by default) is generated once into {@code -p dir=...} (default
 * {@code bench-data}) and reused, as the suite does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class PerLineBenchmark {

  /** Usage lines of the generated month. */
  @Param("200000")
  public long lines;

  /**
   * The month's shape: {@code REALISTIC} (as {@code pec generate} writes by default: thousands of resources,
   * grants and price rows, so that few lines share an access verdict) or {@code DENSE} (the first figures' month:
   * 50 customers, a small price list, hundreds of lines per resource and day).
   */
  @Param({"REALISTIC", "DENSE"})
  public String shape;

  /** Folder of the generated months. */
  @Param("bench-data")
  public String dir;

  /**
   * The rule: {@code standard} ({@code Rules.standard()}), or {@code standard+caller}, the standard rules and one
   * caller rule after them (a subscription exclusion list with its own reason code), which every eligible line
   * must also pass.
   */
  @Param({"standard", "standard+caller"})
  public String rules;

  /** The caller rule's own code. */
  static final Reason SUBSCRIPTION_EXCLUDED = Reason.productExclusion("SUBSCRIPTION_EXCLUDED");

  /** The caller rule of {@code standard+caller}: subscriptions that earn nothing by contract (none in the month). */
  static EligibilityRule subscriptionNotExcluded() {
    Set<String> excluded = Set.of("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002");
    String rule = "the subscription is not excluded by contract";
    Verdict pass = Verdict.pass(rule, "not excluded");
    return Rules.named(rule, f -> excluded.contains(f.line().entitlementId())
        ? Verdict.fail(rule, SUBSCRIPTION_EXCLUDED, "subscription " + f.line().entitlementId() + " is excluded")
        : pass);
  }

  private PecCalculator calculator;
  private UsageLine[] data;

  /** One thread's position in the lines. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** Generates or reuses the month, reads every readable line into memory and builds the calculator. */
  @Setup(Level.Trial)
  public void load() {
    BenchMonth month = BenchMonth.prepare(Path.of(dir), lines, 1, MonthGenerator.DEFAULT_MALFORMED_EVERY,
        Shape.valueOf(shape), System.err);
    if (rules.equals("standard")) {
      calculator = OpenpecRuns.calculator(month);
    } else {
      List<EligibilityRule> parts = new ArrayList<>(Rules.standardRules());
      parts.add(subscriptionNotExcluded());
      calculator = OpenpecRuns.calculator(month, Rules.allOf(parts));
    }
    List<UsageLine> read = new ArrayList<>();
    try (UsageReader reader = UsageReader.open(month.usage())) {
      while (reader.hasNext()) {
        UsageRecord r = reader.next();
        r.line().ifPresent(read::add);
      }
    }
    data = read.toArray(new UsageLine[0]);
  }

  /** Evaluates the next line: verdict, rate and exact money. */
  @Benchmark
  public LineResult evaluate(Cursor cursor) {
    int i = cursor.next;
    cursor.next = i + 1 == data.length ? 0 : i + 1;
    return calculator.evaluate(data[i]);
  }
}
