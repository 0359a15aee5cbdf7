package org.openpec.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.input.PortableDataStream;
import org.openpec.internal.io.CreditCsv;
import org.openpec.io.CsvDialect;
import org.openpec.io.InputException;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRecord;
import org.openpec.io.UsageSource;
import org.openpec.model.UsageLine;
import org.openpec.pricing.PriceListConflictException;
import org.openpec.pricing.Repricing;
import scala.Tuple2;

/**
 * Reads one usage file inside an executor task with pec-core's {@link UsageReader} — CSV, gzip CSV, JSON Lines or
 * gzip JSON Lines, recognised by content as {@code pec credit} recognises them, CSV in the run's dialect —, so
 * that records, their numbers and their problems ({@code file:line:column}) are exactly those of
 * {@code pec credit}. A file is never split
 * between tasks: a CSV record may span physical lines inside quotes, and only a reader that starts at the header
 * knows where records begin; the month's parallelism comes from its several files and from the stages after the
 * read, which repartition the records.
 */
final class UsageFiles {

  private UsageFiles() {}

  /**
   * The records of one file, lazily, as {@link UsageRow}s numbered within the file; CSV in {@code dialect}; closes
   * the file at the end.
   */
  static Iterator<UsageRow> read(Tuple2<String, PortableDataStream> file, CsvDialect dialect) {
    String path = file._1();
    InputStream in = file._2().open();
    UsageReader reader = open(path, in, dialect);
    return new Iterator<>() {
      private boolean open = true;

      @Override
      public boolean hasNext() {
        if (!open) {
          return false;
        }
        if (reader.hasNext()) {
          return true;
        }
        open = false;
        reader.close();
        closeQuietly(in);
        return false;
      }

      @Override
      public UsageRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return toRow(path, reader.next());
      }
    };
  }

  /** pec-core's reader of one file's bytes, named by the last segment of its path as {@code pec credit} names it. */
  private static UsageReader open(String path, InputStream in, CsvDialect dialect) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    try {
      return UsageSource.of(List.of(path)).withDialect(dialect).open(in, name);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  /**
   * What the driver needs to know of one file before the run: its last record number (the offset of the next
   * file's numbers) and, under repricing, its first readable line whose price is in another currency.
   */
  static final class Scan implements Serializable {
    private static final long serialVersionUID = 1L;
    final String file;
    final long last;
    final long conflictRecord;
    final UsageRow conflict;

    Scan(String file, long last, long conflictRecord, UsageRow conflict) {
      this.file = file;
      this.last = last;
      this.conflictRecord = conflictRecord;
      this.conflict = conflict;
    }
  }

  /**
   * Scans the files of one partition: per file, its last record number and, when {@code repricing} is not null,
   * its first record in another currency than the price list entries in force for it (checked by pec-core's
   * {@link Repricing.Planner#add}, as the first pass of {@code pec credit} checks it).
   */
  static Iterator<Scan> scan(Iterator<Tuple2<String, PortableDataStream>> files, CsvDialect dialect,
      Repricing repricing) {
    List<Scan> out = new ArrayList<>();
    while (files.hasNext()) {
      Tuple2<String, PortableDataStream> file = files.next();
      String path = file._1();
      InputStream in = file._2().open();
      long last = 0;
      long conflictRecord = 0;
      UsageRow conflict = null;
      try (UsageReader reader = open(path, in, dialect)) {
        while (reader.hasNext()) {
          UsageRecord rec = reader.next();
          last = rec.recordNumber();
          if (repricing != null && conflict == null && rec.line().isPresent()) {
            try {
              repricing.planner().add(rec.recordNumber(), rec.line().get());
            } catch (PriceListConflictException e) {
              conflictRecord = rec.recordNumber();
              conflict = toRow(path, rec);
            }
          }
        }
      } finally {
        closeQuietly(in);
      }
      out.add(new Scan(path, last, conflictRecord, conflict));
    }
    return out.iterator();
  }

  /**
   * The usage as Spark reads it: the paths for {@code binaryFiles}, and the order their records are numbered in.
   *
   * @param paths what {@code binaryFiles} reads
   * @param order the files in reading order, as local paths, or null for path order
   */
  record Listing(String paths, List<String> order) {

    /** The position of Spark's path {@code key} in the reading order, or -1 (path order). */
    int position(String key) {
      if (order == null) {
        return -1;
      }
      return order.indexOf(new org.apache.hadoop.fs.Path(key).toUri().getPath());
    }
  }

  /**
   * What {@code usage} names: a Microsoft Graph usage manifest, recognised by content as {@code pec credit}
   * recognises it, whose blobs are read in the manifest's order; or anything else Spark reads, in path order.
   *
   * <p>A manifest given as a plain path is checked by pec-core on the driver exactly as {@code pec credit} checks it,
   * each blob opened once (so a manifest of the basic attribute set, a missing blob or a blob lacking a field fails
   * here, with {@code pec credit}'s message), and its blobs are read from the paths {@code pec credit} reads. A
   * manifest given as a URI ({@code abfss://...}, {@code hdfs://...}, {@code file:...}) is read through Spark's file
   * systems: pec-core finds its blobs, by {@code pec credit}'s rules, among the files under the manifest's folder,
   * and the executors read them from there (a blob lacking a field, as in a manifest of the basic attribute set,
   * then fails in the task that reads it, with pec-core's message naming the blob).
   *
   * @throws InputException when the manifest or a blob cannot be used
   */
  static Listing resolve(String usage, CsvDialect dialect, org.apache.hadoop.conf.Configuration conf) {
    if (usage.contains(",") || usage.matches(".*[*?\\[\\]{}].*")) {
      return new Listing(usage, null);
    }
    if (usage.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      return remote(usage, conf);
    }
    Path local = Path.of(usage);
    if (!Files.isRegularFile(local) || !UsageSource.isManifest(local)) {
      return new Listing(usage, null);
    }
    UsageSource source = UsageSource.of(List.of(local.toString())).withDialect(dialect);
    source.open().close();
    List<String> order = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (Path blob : source.files()) {
      String path = blob.toAbsolutePath().normalize().toString();
      add(usage, blob.toString(), path, "file:" + path, order, paths);
    }
    return listing(usage, order, paths);
  }

  /** A manifest named by a URI, read through Spark's file systems; anything else as it is. */
  private static Listing remote(String usage, org.apache.hadoop.conf.Configuration conf) {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(usage);
    Path dir = null;
    try {
      org.apache.hadoop.fs.FileSystem fs = file.getFileSystem(conf);
      org.apache.hadoop.fs.FileStatus status;
      try {
        status = fs.getFileStatus(file);
      } catch (java.io.FileNotFoundException e) {
        return new Listing(usage, null); // Spark's listing says it is not there
      }
      if (!status.isFile() || status.getLen() > (64L << 20)) {
        return new Listing(usage, null);
      }
      file = status.getPath();
      dir = Files.createTempDirectory("pec-spark-manifest");
      Path copy = dir.resolve("manifest").resolve(file.getName());
      Files.createDirectories(copy.getParent());
      try (InputStream in = fs.open(file)) { // the first 64 KiB tell a manifest from usage: no whole copy of usage
        Files.write(copy, in.readNBytes(1 << 16));
      }
      if (!UsageSource.isManifest(copy)) {
        return new Listing(usage, null);
      }
      try (InputStream in = fs.open(file)) {
        Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      // The folder's files, mirrored as empty files, so that pec-core finds the blobs by its own rules.
      Path root = copy.getParent();
      String folder = file.getParent().toUri().getPath();
      Map<Path, org.apache.hadoop.fs.Path> mirror = new HashMap<>();
      var files = fs.listFiles(file.getParent(), true);
      while (files.hasNext()) {
        org.apache.hadoop.fs.Path f = files.next().getPath();
        String path = f.toUri().getPath();
        if (f.equals(file) || !path.startsWith(folder.endsWith("/") ? folder : folder + "/")) {
          continue;
        }
        Path placeholder = root.resolve(path.substring(folder.length()).replaceFirst("^/+", "")).normalize();
        if (placeholder.startsWith(root) && !Files.exists(placeholder)) {
          Files.createDirectories(placeholder.getParent());
          Files.createFile(placeholder);
          mirror.put(placeholder.toAbsolutePath().normalize(), f);
        }
      }
      List<Path> blobs;
      try {
        blobs = UsageSource.of(List.of(copy.toString())).files();
      } catch (InputException e) {
        throw new InputException(e.getMessage().replace(copy.toString(), usage)
            .replace(root.toString(), file.getParent().toString()), e);
      }
      List<String> order = new ArrayList<>();
      List<String> paths = new ArrayList<>();
      for (Path blob : blobs) {
        org.apache.hadoop.fs.Path f = mirror.get(blob.toAbsolutePath().normalize());
        if (f == null) {
          throw new InputException(usage + ": a blob of the manifest is the manifest itself");
        }
        add(usage, f.toString(), f.toUri().getPath(), f.toString(), order, paths);
      }
      return listing(usage, order, paths);
    } catch (IOException e) {
      throw new InputException(usage + ": cannot read the manifest: " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        deleteQuietly(dir);
      }
    }
  }

  private static void add(String usage, String blob, String path, String sparkPath, List<String> order,
      List<String> paths) {
    if (order.contains(path)) {
      throw new InputException(usage + ": blob " + blob + " is listed twice; pec-spark reads each file once");
    }
    if (sparkPath.contains(",") || sparkPath.matches(".*[*?\\[\\]{}].*")) {
      throw new InputException(usage + ": blob " + blob + ": pec-spark cannot read a path holding a comma or "
          + "a glob character");
    }
    order.add(path);
    paths.add(sparkPath);
  }

  private static Listing listing(String usage, List<String> order, List<String> paths) {
    if (order.isEmpty()) {
      throw new InputException(usage + ": the manifest lists no blob");
    }
    return new Listing(String.join(",", paths), order);
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder left behind is harmless
    }
  }

  /** The row of one record: a readable line's values as exact text, or a rejected record's output cells. */
  static UsageRow toRow(String path, UsageRecord rec) {
    UsageRow r = new UsageRow();
    r.setFile(path);
    r.setRecord(rec.recordNumber());
    r.setLine(rec.recordNumber());
    if (rec.isRejected()) {
      r.setRejected(CreditCsv.cells(rec));
      return r;
    }
    UsageLine l = rec.line().orElseThrow();
    r.setTierKey(tierKey(l));
    r.setCustomerId(l.customerId());
    r.setBilledPartnerId(l.billedPartnerId());
    r.setResellerPartnerId(l.resellerPartnerId());
    r.setSubscriptionId(l.subscriptionId());
    r.setEntitlementId(l.entitlementId());
    r.setUsageDate(l.usageDate().toString());
    r.setProductId(l.productId());
    r.setSkuId(l.skuId());
    r.setMeterId(l.meterId());
    r.setResourceUri(l.resourceUri());
    r.setQuantity(l.quantity().toString());
    r.setUnitPrice(l.unitPrice().toString());
    r.setPricingCurrency(l.pricingCurrency());
    r.setBillingCurrency(l.billingCurrency());
    r.setExchangeRate(l.pcToBcExchangeRate().toString());
    r.setPublisherName(l.publisherName());
    r.setMeterName(l.meterName());
    r.setMeterSubCategory(l.meterSubCategory());
    r.setSkuName(l.skuName());
    r.setBenefitId(l.benefitId());
    r.setBenefitType(l.benefitType());
    r.setChargeType(l.chargeType());
    return r;
  }

  /**
   * The (Azure plan, meter, month) a line's tiers accumulate over, with the ids keyed as pec-core's repricing keys
   * them (trimmed, lower case in the root locale), so that lines pec-core would add up meet in one group.
   */
  static String tierKey(UsageLine l) {
    return l.subscriptionId().trim().toLowerCase(Locale.ROOT) + '\u0000' + l.meterId().trim().toLowerCase(Locale.ROOT)
        + '\u0000' + YearMonth.from(l.usageDate());
  }

  /** The usage line of a readable row, equal to the one pec-core's reader made (BigDecimal text round-trips). */
  static UsageLine toLine(UsageRow r) {
    return UsageLine.builder()
        .customerId(r.getCustomerId())
        .billedPartnerId(r.getBilledPartnerId())
        .resellerPartnerId(r.getResellerPartnerId())
        .subscriptionId(r.getSubscriptionId())
        .entitlementId(r.getEntitlementId())
        .usageDate(java.time.LocalDate.parse(r.getUsageDate()))
        .productId(r.getProductId())
        .skuId(r.getSkuId())
        .meterId(r.getMeterId())
        .resourceUri(r.getResourceUri())
        .quantity(new java.math.BigDecimal(r.getQuantity()))
        .unitPrice(new java.math.BigDecimal(r.getUnitPrice()))
        .pricingCurrency(r.getPricingCurrency())
        .billingCurrency(r.getBillingCurrency())
        .pcToBcExchangeRate(new java.math.BigDecimal(r.getExchangeRate()))
        .publisherName(r.getPublisherName())
        .meterName(r.getMeterName())
        .meterSubCategory(r.getMeterSubCategory())
        .skuName(r.getSkuName())
        .benefitId(r.getBenefitId())
        .benefitType(r.getBenefitType())
        .chargeType(r.getChargeType())
        .build();
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
