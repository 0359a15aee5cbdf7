package org.openpec.spark;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.openpec.CreditStatement;
import org.openpec.io.InputException;
import org.openpec.internal.io.TextValues;
import org.openpec.money.Currencies;
import org.openpec.money.Totals;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.Reason;

/**
 * {@code pec credit} as a Spark job, for {@code spark-submit}:
 *
 * <pre>
 * spark-submit --class org.openpec.spark.CreditJob --jars pec-core.jar,fastcsv.jar pec-spark.jar \
 *   --usage 'hdfs:///usage/2026-03/*.csv' [--delimiter C] [--decimal-comma]
 *   (--grants F | [--activity-log F]... [--snapshot F@INSTANT[@SERIES]]... --principals F [--since T] [--until T])
 *   [--prices F [--reprice]] [--partners F] [--rates F] [--hierarchy F] [--coverage union|single]
 *   [--partitions N] --out hdfs:///credit/2026-03
 * </pre>
 *
 * <p>The options mean what they mean to {@code pec credit}; {@code --usage} may also name a Microsoft Graph usage
 * manifest (see {@link PecSpark}). Writes the credit rows as text part files under {@code --out},
 * ordered by {@code Line}, the header first: their concatenation is byte for byte the file {@code pec credit}
 * writes. Prints the side files' bad rows, the import's problems and the warnings on standard error as
 * {@code pec credit} prints them, and the statement's totals on standard output. The side files and Azure's records are read on the driver (local paths);
 * the usage files are read by the executors (any path Spark reads). The rows and the statement come from one
 * evaluation of each line (the evaluated records are persisted for the run). Exit status 0; 1 when an input is
 * unusable (a price in another currency than the usage under {@code --reprice} included, before any line is
 * evaluated), with {@code pec credit}'s one-line message after {@code pec-spark: } (when a task meets an unusable
 * usage file, the message names the file as Spark names it); 2 on a usage error.
 */
public final class CreditJob {

  private CreditJob() {}

  /** Runs the job with {@code spark-submit}'s session. */
  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /**
   * {@link #run}, an unusable input reported on {@code err} in one line ({@code pec-spark: message}).
   *
   * @return 0, 1 when an input is unusable, 2 when the arguments are wrong
   */
  static int execute(String[] args, PrintStream out, PrintStream err) {
    try {
      return run(args, out, err);
    } catch (Exception e) { // a failed Spark job throws SparkException, a checked exception, undeclared
      InputException input = inputCause(e);
      if (input == null) {
        throw CreditJob.<RuntimeException>rethrow(e);
      }
      err.println("pec-spark: " + input.getMessage());
      return 1;
    }
  }

  /** Throws {@code e} as it is, checked or not. */
  @SuppressWarnings("unchecked")
  private static <T extends Exception> T rethrow(Exception e) throws T {
    throw (T) e;
  }

  /**
   * The unusable input behind {@code e}: itself, or the cause a failed Spark job carries when a task met it (a
   * usage file without a required column, say), or null.
   */
  private static InputException inputCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputException input) {
        return input;
      }
    }
    return null;
  }

  /**
   * Parses {@code args}, runs the job on the active (or a new) Spark session and reports on {@code out} and
   * {@code err}.
   *
   * @return 0, or 2 when the arguments are wrong
   * @throws InputException when an input cannot be used
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String usage = null;
    String target = null;
    int partitions = 0;
    boolean access = false;
    PecInputs.Builder inputs = PecInputs.builder();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--reprice")) {
        inputs.reprice(true);
        continue;
      }
      if (a.equals("--decimal-comma")) {
        inputs.decimalComma(true);
        continue;
      }
      if (i + 1 >= args.length) {
        err.println("pec-spark: " + a + (a.startsWith("--") ? " needs a value" : ": unknown argument"));
        return 2;
      }
      String v = args[++i];
      access |= a.equals("--grants") || a.equals("--activity-log") || a.equals("--snapshot");
      try {
        switch (a) {
          case "--usage" -> {
            if (usage != null) {
              err.println("pec-spark: --usage is given once: name several files in it as Spark reads them (a folder, "
                  + "a glob, or paths separated by commas, read in path order), or give a usage manifest");
              return 2;
            }
            usage = v;
          }
          case "--out" -> target = v;
          case "--grants" -> inputs.grants(Path.of(v));
          case "--activity-log" -> inputs.activityLog(Path.of(v));
          case "--snapshot" -> snapshot(inputs, v);
          case "--principals" -> inputs.principals(Path.of(v));
          case "--since" -> inputs.since(instant(v));
          case "--until" -> inputs.until(instant(v));
          case "--delimiter" -> inputs.delimiter(delimiter(v));
          case "--prices" -> inputs.prices(Path.of(v));
          case "--partners" -> inputs.partners(Path.of(v));
          case "--rates" -> inputs.rates(Path.of(v));
          case "--hierarchy" -> inputs.hierarchy(Path.of(v));
          case "--coverage" -> inputs.coverage(CoveragePolicy.valueOf(v.toUpperCase(Locale.ROOT)));
          case "--partitions" -> partitions = Integer.parseInt(v);
          default -> {
            err.println("pec-spark: unknown option " + a);
            return 2;
          }
        }
      } catch (IllegalArgumentException e) {
        err.println("pec-spark: " + a + ": " + e.getMessage());
        return 2;
      }
    }
    if (usage == null || target == null || !access) {
      err.println("pec-spark: give --usage U, --grants F (or --activity-log/--snapshot with --principals) and "
          + "--out DIR");
      return 2;
    }
    PecInputs in;
    try {
      in = inputs.build();
    } catch (IllegalArgumentException e) {
      err.println("pec-spark: " + e.getMessage());
      return 2;
    }
    for (String m : in.messages("pec-spark")) {
      err.println(m);
    }
    SparkSession spark = SparkSession.builder().appName("openpec credit").getOrCreate();
    PecSpark.Run run = PecSpark.run(spark, usage, in, partitions).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      run.csvLines().write().mode(SaveMode.ErrorIfExists).option("lineSep", "\n").text(target);
      report(run.statement(), out);
    } finally {
      run.unpersist();
    }
    return 0;
  }

  /** {@code --snapshot F@INSTANT[@SERIES]}, split at the last {@code @} signs as {@code pec credit} splits it. */
  private static void snapshot(PecInputs.Builder inputs, String text) {
    int last = text.lastIndexOf('@');
    if (last <= 0) {
      throw new IllegalArgumentException("'" + text + "' is not F@INSTANT: give the instant the listing was taken, "
          + "e.g. listing.json@2026-03-01T00:00:00Z");
    }
    String tail = text.substring(last + 1);
    try {
      inputs.snapshot(Path.of(text.substring(0, last)), TextValues.parseInstant(tail), "");
      return;
    } catch (IllegalArgumentException notAnInstant) {
      int before = text.lastIndexOf('@', last - 1);
      if (before > 0 && !tail.isBlank()) {
        try {
          Instant at = TextValues.parseInstant(text.substring(before + 1, last));
          inputs.snapshot(Path.of(text.substring(0, before)), at, tail.trim());
          return;
        } catch (IllegalArgumentException ignored) {
          // reported below
        }
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not F@INSTANT[@SERIES]: '" + tail + "' is not an "
        + "ISO-8601 instant (e.g. listing.json@2026-03-01T00:00:00Z)");
  }

  private static Instant instant(String value) {
    try {
      return TextValues.parseInstant(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 instant (e.g. 2026-03-01T00:00:00Z)");
    }
  }

  /** One character, or {@code TAB} (or {@code \t}) for a tab, as {@code pec credit --delimiter}. */
  private static char delimiter(String v) {
    String d = v.equalsIgnoreCase("TAB") || v.equals("\\t") ? "\t" : v;
    if (d.length() != 1) {
      throw new IllegalArgumentException("'" + v + "' is not one character (or TAB)");
    }
    return d.charAt(0);
  }

  /**
   * The statement's totals: the lines and rejected records, then per pair of currencies (amounts of different
   * currencies are never added) the list cost and credit in pricing currency, and per reason.
   */
  static void report(CreditStatement s, PrintStream out) {
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    o.println("lines " + s.lines() + ", rejected " + s.rejected());
    for (Currencies c : s.currencies()) {
      CreditStatement in = s.inCurrency(c);
      o.println("priced in " + c.pricing() + ", billed in " + c.billing() + ": " + in.total().lines()
          + " lines, list cost " + in.total().listCost().toPlainString() + ", credit "
          + in.total().credit().toPlainString());
      for (Map.Entry<Reason, Totals> e : in.byReason().entrySet()) {
        o.println("  " + e.getKey() + ": " + e.getValue().lines() + " lines, credit "
            + e.getValue().credit().toPlainString());
      }
    }
  }
}
