package org.openpec.examples.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The measurements of {@link UserRunSuite} that are not {@code pec} itself, each run as a fresh JVM process
 * (default JVM options) so that every engine pays its own start, class loading and memory:
 * <ul>
 *   <li>{@code floor USAGE}: the parse floor, FastCSV reading every field of every record on one thread; prints
 *       {@code records N} and {@code checksum C};</li>
 *   <li>{@code duckdb-lines MONTH ROLES THREADS OUT}: DuckDB writing the per-line CSV in input order;</li>
 *   <li>{@code duckdb-statement MONTH ROLES THREADS}: DuckDB computing the statement; prints its figures.</li>
 * </ul>
 * Each also prints {@code inner-seconds S}: the time of the work itself, without the JVM's start.
 */
public final class Child {

  private Child() {}

  /** Runs one measurement; exit status 0 when it completed. */
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    switch (args[0]) {
      case "floor" -> {
        long[] r = OpenpecRuns.parseFloor(Path.of(args[1]));
        System.out.println("records " + r[0]);
        System.out.println("checksum " + r[1]);
      }
      case "duckdb-lines" -> {
        DuckDbStatement duck = DuckDbStatement.of(month(args[1]), Path.of(args[2]), true);
        long rows = duck.writePerLine(Integer.parseInt(args[3]), Path.of(args[4]));
        System.out.println("rows " + rows);
      }
      case "duckdb-statement" -> {
        DuckDbStatement duck = DuckDbStatement.of(month(args[1]), Path.of(args[2]), false);
        EngineFigures f = duck.run(Integer.parseInt(args[3]));
        System.out.println("figures " + f.records() + " " + f.rejected() + " " + f.eligible());
        for (Map.Entry<String, EngineFigures.Money> e : f.byBillingCurrency().entrySet()) {
          EngineFigures.Money m = e.getValue();
          System.out.println("currency " + e.getKey() + " " + m.lines() + " " + m.listCost().toPlainString() + " "
              + m.pricingPreTaxTotal().toPlainString() + " " + m.credit().toPlainString() + " "
              + m.billingPreTaxTotal().toPlainString() + " " + m.billingCredit().toPlainString());
        }
      }
      default -> throw new IllegalArgumentException("unknown measurement " + args[0]);
    }
    System.out.println(String.format(Locale.ROOT, "inner-seconds %.3f", (System.nanoTime() - t0) / 1e9));
  }

  private static BenchMonth month(String dir) {
    return new BenchMonth(Path.of(dir), 0, 0, 0, 0, 0);
  }
}
