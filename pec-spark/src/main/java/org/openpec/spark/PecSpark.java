package org.openpec.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.internal.io.CreditCsv;
import org.openpec.internal.io.CsvOutput;
import org.openpec.pricing.Repricing;

/**
 * openpec on Apache Spark: the rows of {@code pec credit} and the statement of pec-core, computed by Spark's
 * executors with pec-core's reader, calculator and repricing, to the last digit.
 *
 * <p>From a notebook:
 * <pre>{@code
 * PecInputs inputs = PecInputs.builder().grants(Path.of("grants.csv")).prices(Path.of("prices.csv")).build();
 * Dataset<Row> credit = PecSpark.credit(spark, "abfss://usage@lake/2026-03/*.csv", inputs);
 * credit.filter("Reason = 'ELIGIBLE'").groupBy("CustomerId").count().show();
 * CreditStatement statement = PecSpark.run(spark, "abfss://usage@lake/2026-03/*.csv", inputs, 0).statement();
 * }</pre>
 *
 * <p><b>Usage files.</b> {@code usage} is what Spark's {@code binaryFiles} accepts: a file, a folder, a glob, or
 * several of these separated by commas. A month split over several files is read as their concatenation in path
 * order: {@code Line} numbers run on from one file to the next, exactly as in the single file the parts were cut
 * from, while a rejected record's {@code Detail} names the part file and the physical line in it. Numbering
 * several files costs one extra read of them (a count per file); one file costs none.
 *
 * <p><b>Repricing.</b> Graduated tiers need the cumulative quantity of each (Azure plan, meter, month) in the
 * rules' order. The rows are partitioned by that key and sorted within each partition, so every group is whole in
 * one task, which runs pec-core's planner over it: no group, and no row, is gathered on the driver. A price list
 * without tiers needs no accumulation and no shuffle.
 */
public final class PecSpark {

  /** The columns of {@code pec credit}, in its order: {@code Line} a long, every other column its exact text. */
  public static final StructType CREDIT_SCHEMA = schema();

  private PecSpark() {}

  /**
   * The credit rows of the usage files: one row per record, rejected records included, with the columns and values
   * of {@code pec credit}. Lazy, like any Dataset; unordered unless sorted by {@code Line}.
   *
   * @param usage a file, folder or glob, or several separated by commas
   */
  public static Dataset<Row> credit(SparkSession spark, String usage, PecInputs inputs) {
    return run(spark, usage, inputs, 0).rows();
  }

  /**
   * A run over the usage files, from which both the credit rows and the statement can be taken.
   *
   * @param partitions the number of partitions to evaluate in; 0 for Spark's default parallelism
   */
  public static Run run(SparkSession spark, String usage, PecInputs inputs, int partitions) {
    return new Run(spark, usage, inputs, partitions);
  }

  /** One run: the records read and (under repricing) priced, the rows of them, and their statement. */
  public static final class Run {
    private final Broadcast<PecInputs> inputs;
    private final Dataset<UsageRow> records;

    Run(SparkSession spark, String usage, PecInputs in, int partitions) {
      Objects.requireNonNull(usage, "usage");
      Objects.requireNonNull(in, "inputs");
      if (partitions < 0) {
        throw new IllegalArgumentException("partitions must not be negative, was " + partitions);
      }
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      PecInputs.Evaluator onDriver = in.evaluator(); // fails early, on the driver, when a side file is unusable
      this.inputs = jsc.broadcast(in);
      int parts = partitions > 0 ? partitions : jsc.defaultParallelism();
      Encoder<UsageRow> enc = Encoders.bean(UsageRow.class);
      JavaRDD<UsageRow> read = jsc.binaryFiles(usage).flatMap(UsageFiles::read);
      Dataset<UsageRow> ds = spark.createDataset(read.rdd(), enc);
      ds = numbered(ds, jsc.binaryFiles(usage).keys().collect(), enc);
      Repricing repricing = onDriver.repricing;
      if (repricing != null && repricing.hasTiers()) {
        Broadcast<PecInputs> b = inputs;
        ds = ds.repartition(parts, col("tierKey")).sortWithinPartitions(col("tierKey"), col("line"))
            .mapPartitions((MapPartitionsFunction<UsageRow, UsageRow>) it ->
                Pricing.repriceGroups(b.value().evaluator().repricing, it), enc);
      } else if (repricing != null) {
        Broadcast<PecInputs> b = inputs;
        ds = ds.repartition(parts).mapPartitions((MapPartitionsFunction<UsageRow, UsageRow>) it -> {
          Repricing.Plan plan = b.value().evaluator().repricing.planner().plan();
          return map(it, r -> {
            r.setListCost(Pricing.listCostWithoutTiers(plan, r));
            return r;
          });
        }, enc);
      } else {
        ds = ds.repartition(parts);
      }
      this.records = ds;
    }

    /** Numbers records across files: the files in path order, each one's lines after the previous ones'. */
    private static Dataset<UsageRow> numbered(Dataset<UsageRow> ds, List<String> files, Encoder<UsageRow> enc) {
      if (files.size() <= 1) {
        return ds;
      }
      Map<String, Long> counts = new HashMap<>();
      for (Row r : ds.groupBy("file").count().collectAsList()) {
        counts.put(r.getString(0), r.getLong(1));
      }
      List<String> sorted = new ArrayList<>(files);
      sorted.sort(null);
      Map<String, Long> offsets = new HashMap<>();
      long offset = 0;
      for (String f : sorted) {
        offsets.put(f, offset);
        offset += counts.getOrDefault(f, 0L);
      }
      return ds.map((org.apache.spark.api.java.function.MapFunction<UsageRow, UsageRow>) r -> {
        r.setLine(r.getRecord() + offsets.get(r.getFile()));
        return r;
      }, enc);
    }

    /** The records, read, numbered month-wide and (under repricing) priced: the input of rows and statement. */
    public Dataset<UsageRow> records() {
      return records;
    }

    /** The credit rows; see {@link PecSpark#credit}. */
    public Dataset<Row> rows() {
      Broadcast<PecInputs> b = inputs;
      return records.mapPartitions((MapPartitionsFunction<UsageRow, Row>) it -> {
        PecCalculator calculator = b.value().evaluator().calculator;
        return map(it, r -> toRow(calculator, r));
      }, Encoders.row(CREDIT_SCHEMA));
    }

    /**
     * The rows as {@code pec credit} writes them: the CSV text of each row without its line end, the header first,
     * in {@code Line} order (partition by partition), so that the parts of a text output, concatenated, are byte for
     * byte the file {@code pec credit} writes.
     */
    public Dataset<String> csvLines() {
      // Sorted before evaluation: the range partitioning samples the records' numbers, not evaluated rows, and
      // the first partition (the smallest numbers) starts with the header.
      Broadcast<PecInputs> b = inputs;
      return records.orderBy(col("line"))
          .mapPartitions((MapPartitionsFunction<UsageRow, String>) it -> csvPartition(b, it), Encoders.STRING());
    }

    /** The statement of the month, exact: pec-core's {@link CreditStatement}, rejected records counted. */
    public CreditStatement statement() {
      return records.select(new StatementAggregator(inputs).toColumn()).first();
    }
  }

  /** The CSV lines of one partition of records sorted by line; the first partition starts with the header. */
  private static Iterator<String> csvPartition(Broadcast<PecInputs> inputs, Iterator<UsageRow> sorted) {
    PecCalculator calculator = inputs.value().evaluator().calculator;
    Iterator<String> lines = map(sorted, r -> {
      Row row = toRow(calculator, r);
      String[] cells = new String[row.size()];
      cells[0] = Long.toString(row.getLong(0));
      for (int i = 1; i < cells.length; i++) {
        cells[i] = row.getString(i);
      }
      String text = CsvOutput.format(cells);
      return text.substring(0, text.length() - 1);
    });
    if (org.apache.spark.TaskContext.getPartitionId() != 0) {
      return lines;
    }
    return new Iterator<>() {
      private boolean header = true;

      @Override
      public boolean hasNext() {
        return header || lines.hasNext();
      }

      @Override
      public String next() {
        if (header) {
          header = false;
          return CreditCsv.HEADER_TEXT;
        }
        return lines.next();
      }
    };
  }

  /** The output row of one record. */
  static Row toRow(PecCalculator calculator, UsageRow r) {
    String[] cells;
    if (r.getRejected() != null) {
      cells = r.getRejected().clone();
    } else {
      LineResult result = Pricing.evaluate(calculator, r);
      cells = CreditCsv.cells(r.getLine(), result);
    }
    Object[] values = new Object[cells.length];
    values[0] = r.getLine();
    System.arraycopy(cells, 1, values, 1, cells.length - 1);
    return RowFactory.create(values);
  }

  private static <A, B> Iterator<B> map(Iterator<A> it, java.util.function.Function<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public B next() {
        return f.apply(it.next());
      }
    };
  }

  private static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (String name : CreditCsv.HEADER) {
      fields.add(DataTypes.createStructField(name,
          name.equals("Line") ? DataTypes.LongType : DataTypes.StringType, !name.equals("Line")));
    }
    return DataTypes.createStructType(fields);
  }

  /** The column names of {@link #CREDIT_SCHEMA}. */
  public static List<String> columns() {
    return Arrays.asList(CREDIT_SCHEMA.fieldNames());
  }
}
