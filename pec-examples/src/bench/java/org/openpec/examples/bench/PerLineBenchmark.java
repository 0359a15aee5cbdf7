package org.openpec.examples.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openpec.PecCalculator;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRecord;
import org.openpec.model.UsageLine;

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

  /** Folder of the generated months. */
  @Param("bench-data")
  public String dir;

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
    BenchMonth month = BenchMonth.prepare(Path.of(dir), lines, 1, System.err);
    calculator = OpenpecRuns.calculator(month);
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
