package org.openpec.spark;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.openpec.CreditStatement;
import org.openpec.io.InputException;
import org.openpec.io.InputProblem;
import org.openpec.money.Totals;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.Reason;

/**
 * {@code pec credit} as a Spark job, for {@code spark-submit}:
 *
 * <pre>
 * spark-submit --class org.openpec.spark.CreditJob --jars pec-core.jar,fastcsv.jar pec-spark.jar \
 *   --usage 'hdfs:///usage/2026-03/*.csv' --grants grants.csv [--prices F [--reprice]] [--partners F]
 *   [--rates F] [--hierarchy F] [--coverage union|single] [--partitions N] --out hdfs:///credit/2026-03
 * </pre>
 *
 * <p>Writes the credit rows as text part files under {@code --out}, ordered by {@code Line}, the header first: their
 * concatenation is byte for byte the file {@code pec credit} writes. Prints the side files' bad rows on standard
 * error and the statement's totals on standard output. The side files are read on the driver (local paths); the
 * usage files are read by the executors (any path Spark reads). Exit status 0, 1 when an input is unusable, 2 on a
 * usage error.
 */
public final class CreditJob {

  private CreditJob() {}

  /** Runs the job with {@code spark-submit}'s session. */
  public static void main(String[] args) {
    int status;
    try {
      status = run(args, System.out, System.err);
    } catch (InputException e) {
      System.err.println("pec-spark: " + e.getMessage());
      status = 1;
    }
    System.exit(status);
  }

  /**
   * Parses {@code args}, runs the job on the active (or a new) Spark session and reports on {@code out} and
   * {@code err}.
   *
   * @return 0, or 2 when the arguments are wrong
   * @throws InputException when a side file cannot be used
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String usage = null;
    String target = null;
    int partitions = 0;
    PecInputs.Builder inputs = PecInputs.builder();
    boolean grants = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--reprice")) {
        inputs.reprice(true);
        continue;
      }
      if (i + 1 >= args.length) {
        err.println("pec-spark: " + a + (a.startsWith("--") ? " needs a value" : ": unknown argument"));
        return 2;
      }
      String v = args[++i];
      switch (a) {
        case "--usage" -> usage = v;
        case "--out" -> target = v;
        case "--grants" -> {
          inputs.grants(Path.of(v));
          grants = true;
        }
        case "--prices" -> inputs.prices(Path.of(v));
        case "--partners" -> inputs.partners(Path.of(v));
        case "--rates" -> inputs.rates(Path.of(v));
        case "--hierarchy" -> inputs.hierarchy(Path.of(v));
        case "--coverage" -> inputs.coverage(CoveragePolicy.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
        case "--partitions" -> partitions = Integer.parseInt(v);
        default -> {
          err.println("pec-spark: unknown option " + a);
          return 2;
        }
      }
    }
    if (usage == null || target == null || !grants) {
      err.println("pec-spark: give --usage U, --grants F and --out DIR");
      return 2;
    }
    PecInputs in;
    try {
      in = inputs.build();
    } catch (IllegalArgumentException e) {
      err.println("pec-spark: " + e.getMessage());
      return 2;
    }
    for (InputProblem p : in.problems()) {
      err.println(p);
    }
    SparkSession spark = SparkSession.builder().appName("openpec credit").getOrCreate();
    PecSpark.Run run = PecSpark.run(spark, usage, in, partitions);
    run.records().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      run.csvLines().write().mode(SaveMode.ErrorIfExists).option("lineSep", "\n").text(target);
      report(run.statement(), out);
    } finally {
      run.records().unpersist();
    }
    return 0;
  }

  /** The statement's totals: all lines, rejected records, and per reason. */
  static void report(CreditStatement s, PrintStream out) {
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    o.println("lines " + s.total().lines() + ", rejected " + s.rejected() + ", list cost "
        + s.total().listCost().toPlainString() + ", credit " + s.total().credit().toPlainString());
    for (Map.Entry<Reason, Totals> e : s.byReason().entrySet()) {
      o.println("  " + e.getKey() + ": " + e.getValue().lines() + " lines, credit "
          + e.getValue().credit().toPlainString());
    }
  }
}
