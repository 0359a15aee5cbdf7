package org.openpec.spark;

import static org.apache.spark.sql.functions.col;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.internal.io.CreditCsv;
import org.openpec.internal.io.CsvOutput;
import org.openpec.io.InputException;
import org.openpec.pricing.PriceListConflictException;
import org.openpec.pricing.Repricing;
import scala.Tuple2;

/**
 * openpec on Apache Spark: the rows of {@code pec credit} and the statement of pec-core, computed by Spark's
 * executors with pec-core's reader, calculator and repricing, to the last digit.
 *
 * <p>From a notebook:
 * <pre>{@code
 * PecInputs inputs = PecInputs.builder().grants(Path.of("grants.csv")).prices(Path.of("prices.csv")).build();
 * Dataset<Row> credit = PecSpark.credit(spark, "abfss://usage@lake/2026-03/*.csv", inputs);
 * credit.filter("Reason = 'ELIGIBLE'").groupBy("CustomerId").count().show();
 * PecSpark.Run run = PecSpark.run(spark, "abfss://usage@lake/2026-03/*.csv", inputs, 0)
 *     .persist(StorageLevel.MEMORY_AND_DISK());      // one evaluation for rows and statement
 * run.rows().write().parquet("abfss://credit@lake/2026-03");
 * CreditStatement statement = run.statement();
 * run.unpersist();
 * }</pre>
 *
 * <p><b>Usage files.</b> {@code usage} is what Spark's {@code binaryFiles} accepts — a file, a folder, a glob, or
 * several of these separated by commas —, or the manifest of a Microsoft Graph usage reconciliation export, its
 * blobs beside it as {@code pec credit} finds them: a plain path is checked on the driver exactly as {@code pec
 * credit} checks it (each blob opened once), a URI ({@code abfss://.../manifest.json}) is read through Spark's file
 * systems, its blobs found among the files under its folder. Each file is CSV, gzip CSV, JSON Lines or gzip
 * JSON Lines, recognised by content; CSV is read in the {@linkplain PecInputs#dialect() dialect} of the inputs. A
 * month in several files is read as their concatenation — in the manifest's order, else in path order: {@code Line}
 * numbers run on from one file to the next, exactly as {@code pec credit} numbers them, while a rejected record's
 * {@code Detail} names its own file and the physical line in it. Numbering several files costs one extra read of
 * them (a scan on the executors, before the run); one file costs none.
 *
 * <p><b>Repricing.</b> Under repricing that scan runs even for one file (so the usage is read twice, as
 * {@code pec credit} reads it twice) and checks every line's currency against the price list entries in force for
 * it: a price in another currency than the line's fails the run on the driver, before any line is evaluated, with
 * {@code pec credit}'s message ({@link org.openpec.io.InputException}). Graduated tiers need the cumulative
 * quantity of each (Azure plan, meter, month) in the rules' order. The rows are partitioned by that key and sorted
 * within each partition, so every group is whole in one task, which runs pec-core's planner over it: no group, and
 * no row, is gathered on the driver. A price list without tiers needs no accumulation and no shuffle.
 *
 * <p><b>Access.</b> The grants file, or Azure's own records imported on the driver and on each executor with
 * pec-core's import, as {@code pec credit} imports them; a line whose day an uncertain window of the import touches
 * has its {@code Detail} noted {@code (uncertain: ...)} as in {@code pec credit}.
 */
public final class PecSpark {

  /** The columns of {@code pec credit}, in its order: {@code Line} a long, every other column its exact text. */
  public static final StructType CREDIT_SCHEMA = schema();

  private PecSpark() {}

  /**
   * The credit rows of the usage files: one row per record, rejected records included, with the columns and values
   * of {@code pec credit}. Lazy, like any Dataset; unordered unless sorted by {@code Line}.
   *
   * @param usage a file, folder or glob, or several separated by commas; or a usage manifest
   * @throws org.openpec.io.InputException when an input cannot be used (as {@code pec credit}, exit 1)
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

  /**
   * One run: the records read, numbered and (under repricing) priced; their evaluation into credit rows and partial
   * statements; and what is taken from it — {@link #rows()}, {@link #csvLines()}, {@link #statement()}. Each of these
   * evaluates the records again unless the run is {@linkplain #persist persisted} first, in which case one
   * evaluation feeds them all ({@link #evaluations()} counts the evaluations). Not thread-safe.
   */
  public static final class Run {
    private final Broadcast<PecInputs> inputs;
    private final Dataset<UsageRow> records;
    private final Dataset<Evaluated> evaluated;
    private final LongAccumulator evaluations;
    private boolean persisted;

    Run(SparkSession spark, String usage, PecInputs in, int partitions) {
      Objects.requireNonNull(usage, "usage");
      Objects.requireNonNull(in, "inputs");
      if (partitions < 0) {
        throw new IllegalArgumentException("partitions must not be negative, was " + partitions);
      }
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      PecInputs.Evaluator onDriver = in.evaluator(); // fails early, on the driver, when a side file is unusable
      UsageFiles.Listing listing = UsageFiles.resolve(usage, in.dialect(), jsc.hadoopConfiguration());
      Broadcast<PecInputs> b = jsc.broadcast(in);
      this.inputs = b;
      this.evaluations = spark.sparkContext().longAccumulator("openpec evaluated lines");
      int parts = partitions > 0 ? partitions : jsc.defaultParallelism();
      Encoder<UsageRow> enc = Encoders.bean(UsageRow.class);
      Repricing repricing = onDriver.repricing;
      List<String> files;
      try {
        files = jsc.binaryFiles(listing.paths()).keys().collect();
      } catch (Exception e) { // Hadoop's listing throws a checked exception, undeclared
        if (e instanceof org.apache.hadoop.mapreduce.lib.input.InvalidInputException) {
          throw new InputException(usage + ": file not found (" + e.getMessage() + ")", e);
        }
        throw e;
      }
      Map<String, Long> offsets = files.size() > 1 || repricing != null ? scan(jsc, listing, b, repricing) : null;
      JavaRDD<UsageRow> read = jsc.binaryFiles(listing.paths())
          .flatMap((FlatMapFunction<Tuple2<String, PortableDataStream>, UsageRow>) f ->
              UsageFiles.read(f, b.value().dialect()));
      Dataset<UsageRow> ds = spark.createDataset(read.rdd(), enc);
      if (files.size() > 1) {
        ds = ds.map((MapFunction<UsageRow, UsageRow>) r -> {
          r.setLine(r.getRecord() + offsets.get(r.getFile()));
          return r;
        }, enc);
      }
      if (repricing != null && repricing.hasTiers()) {
        ds = ds.repartition(parts, col("tierKey")).sortWithinPartitions(col("tierKey"), col("line"))
            .mapPartitions((MapPartitionsFunction<UsageRow, UsageRow>) it ->
                Pricing.repriceGroups(b.value().evaluator().repricing, it), enc);
      } else if (repricing != null) {
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
      LongAccumulator count = evaluations;
      this.evaluated = ds.mapPartitions((MapPartitionsFunction<UsageRow, Evaluated>) it ->
          evaluate(b, count, it, true), Encoders.bean(Evaluated.class));
    }

    /**
     * Scans the usage files once (a Spark job) for what must be known before the run: each file's last record
     * number, so that numbers run on from one file to the next in reading order (a manifest's order, else path
     * order), and, under repricing, the first line whose price list entry is in another currency, which fails the
     * run here, on the driver, before any line is evaluated, with {@code pec credit}'s message.
     *
     * @return the offset of each file's record numbers, by Spark's path
     * @throws InputException when a price is in another currency than a usage line
     */
    private static Map<String, Long> scan(JavaSparkContext jsc, UsageFiles.Listing listing,
        Broadcast<PecInputs> b, Repricing repricing) {
      boolean check = repricing != null;
      List<UsageFiles.Scan> scans = new ArrayList<>(jsc.binaryFiles(listing.paths())
          .mapPartitions((FlatMapFunction<Iterator<Tuple2<String, PortableDataStream>>, UsageFiles.Scan>) it ->
              UsageFiles.scan(it, b.value().dialect(), check ? b.value().evaluator().repricing : null))
          .collect());
      for (UsageFiles.Scan s : scans) {
        if (listing.order() != null && listing.position(s.file) < 0) {
          throw new IllegalStateException("pec-spark: " + s.file + " is not a blob of the manifest");
        }
      }
      scans.sort(listing.order() == null ? Comparator.comparing((UsageFiles.Scan s) -> s.file)
          : Comparator.comparingInt((UsageFiles.Scan s) -> listing.position(s.file)));
      Map<String, Long> offsets = new HashMap<>();
      long offset = 0;
      for (UsageFiles.Scan s : scans) {
        if (s.conflict != null) {
          try {
            repricing.planner().add(offset + s.conflictRecord, UsageFiles.toLine(s.conflict));
          } catch (PriceListConflictException e) {
            throw new InputException(e.getMessage(), e);
          }
        }
        offsets.put(s.file, offset);
        offset += s.last;
      }
      return offsets;
    }

    /** The records, read, numbered month-wide and (under repricing) priced: the input of rows and statement. */
    public Dataset<UsageRow> records() {
      return records;
    }

    /**
     * Keeps the evaluated records at {@code level}, so that the rows, the CSV lines and the statement taken after
     * this call come from one evaluation of each line. Call before taking them; {@link #unpersist()} when done.
     */
    public Run persist(StorageLevel level) {
      evaluated.persist(level);
      persisted = true;
      return this;
    }

    /** Drops the evaluated records kept by {@link #persist}. */
    public Run unpersist() {
      evaluated.unpersist();
      persisted = false;
      return this;
    }

    /**
     * How many readable lines this run's tasks have evaluated so far (a Spark accumulator, shown in Spark's UI as
     * {@code openpec evaluated lines}); a task that Spark runs again counts again.
     */
    public long evaluations() {
      return evaluations.value();
    }

    /** The credit rows; see {@link PecSpark#credit}. */
    public Dataset<Row> rows() {
      Encoder<Row> enc = Encoders.row(CREDIT_SCHEMA);
      if (persisted) {
        return evaluated.filter(col("statement").isNull()).map((MapFunction<Evaluated, Row>) PecSpark::toRow, enc);
      }
      Broadcast<PecInputs> b = inputs;
      LongAccumulator count = evaluations;
      return records.mapPartitions((MapPartitionsFunction<UsageRow, Row>) it ->
          map(evaluate(b, count, it, false), PecSpark::toRow), enc);
    }

    /**
     * The rows as {@code pec credit} writes them: the CSV text of each row without its line end, the header first,
     * in {@code Line} order (partition by partition), so that the parts of a text output, concatenated, are byte for
     * byte the file {@code pec credit} writes.
     */
    public Dataset<String> csvLines() {
      if (persisted) {
        return evaluated.filter(col("statement").isNull()).orderBy(col("line"))
            .mapPartitions((MapPartitionsFunction<Evaluated, String>) it -> csvPartition(it), Encoders.STRING());
      }
      // Sorted before evaluation: the range partitioning samples the records' numbers, not evaluated rows, and
      // the first partition (the smallest numbers) starts with the header.
      Broadcast<PecInputs> b = inputs;
      LongAccumulator count = evaluations;
      return records.orderBy(col("line")).mapPartitions((MapPartitionsFunction<UsageRow, String>) it ->
          csvPartition(evaluate(b, count, it, false)), Encoders.STRING());
    }

    /**
     * The statement of the month, exact: pec-core's {@link CreditStatement}, rejected records counted. Persisted,
     * it merges the partial statements each partition's evaluation made; otherwise {@link StatementAggregator}
     * evaluates the records.
     */
    public CreditStatement statement() {
      if (!persisted) {
        return records.select(new StatementAggregator(inputs, evaluations).toColumn()).first();
      }
      CreditStatement statement = CreditStatement.empty();
      long rejected = 0;
      for (Row r : evaluated.filter(col("statement").isNotNull()).select("statement", "rejected").collectAsList()) {
        statement = statement.merge(deserialize((byte[]) r.get(0)));
        rejected += r.getLong(1);
      }
      return statement.plusRejected(rejected);
    }
  }

  private static final int DETAIL = CreditCsv.HEADER.indexOf("Detail");

  /**
   * Evaluates a partition of records with pec-core's calculator: the credit row of each (its {@code Detail} noted
   * with the uncertain windows of an access import, as {@code pec credit} notes it), and, when {@code withStatement},
   * a trailer with the partition's statement after the last row.
   */
  static Iterator<Evaluated> evaluate(Broadcast<PecInputs> inputs, LongAccumulator count, Iterator<UsageRow> it,
      boolean withStatement) {
    PecInputs.Evaluator e = inputs.value().evaluator();
    StatementAggregator.Buffer buffer = withStatement ? new StatementAggregator.Buffer() : null;
    return new Iterator<>() {
      private boolean trailer = withStatement;

      @Override
      public boolean hasNext() {
        return it.hasNext() || trailer;
      }

      @Override
      public Evaluated next() {
        Evaluated out = new Evaluated();
        if (it.hasNext()) {
          UsageRow r = it.next();
          String[] cells;
          if (r.getRejected() != null) {
            cells = r.getRejected().clone();
            if (buffer != null) {
              buffer.rejected++;
            }
          } else {
            LineResult result = Pricing.evaluate(e.calculator, r);
            count.add(1);
            cells = CreditCsv.cells(r.getLine(), result);
            if (e.uncertain != null) {
              cells[DETAIL] = e.uncertain.annotate(cells[DETAIL], result.line());
            }
            if (buffer != null) {
              buffer.add(result);
            }
          }
          cells[0] = Long.toString(r.getLine());
          out.setLine(r.getLine());
          out.setCells(cells);
          return out;
        }
        if (!trailer) {
          throw new NoSuchElementException();
        }
        trailer = false;
        buffer.flush();
        out.setStatement(serialize(buffer.statement));
        out.setRejected(buffer.rejected);
        return out;
      }
    };
  }

  private static byte[] serialize(CreditStatement s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static CreditStatement deserialize(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        try {
          return Class.forName(desc.getName(), false, PecSpark.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          return super.resolveClass(desc);
        }
      }
    }) {
      return (CreditStatement) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("pec-spark: cannot read a partition's statement: " + e, e);
    }
  }

  /** The CSV lines of one partition of evaluated records sorted by line; the first partition starts with the header. */
  private static Iterator<String> csvPartition(Iterator<Evaluated> sorted) {
    Iterator<String> lines = map(sorted, r -> {
      String text = CsvOutput.format(r.getCells());
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

  /** The output row of one evaluated record. */
  static Row toRow(Evaluated r) {
    String[] cells = r.getCells();
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
