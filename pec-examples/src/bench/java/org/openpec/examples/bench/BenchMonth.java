package org.openpec.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.openpec.examples.generate.GeneratedMonth;
import org.openpec.examples.generate.MonthGenerator;
import org.openpec.examples.generate.Shape;

/**
 * One generated month on disk for the benchmarks: written by {@link MonthGenerator} (as {@code pec generate
 * --lines N --seed S} writes it), or reused when a month of the same parameters, written by the same generator
 * code, is already in its folder.
 *
 * <p>The folder is {@code <parent>/month-<lines>-seed<seed>} and holds the four files plus a stamp
 * ({@value #STAMP}) recording the parameters, a CRC of the generator's classes and the file sizes; a month whose
 * stamp does not match is written again. Immutable.
 *
 * @param directory the month's folder
 * @param targetLines the {@code --lines} asked for
 * @param seed the generator's seed
 * @param usageRecords the usage records in the file (malformed ones included)
 * @param malformedRecords the deliberately malformed records among them
 * @param usageBytes the size of the usage file in bytes
 */
public record BenchMonth(Path directory, long targetLines, long seed, long usageRecords, long malformedRecords,
    long usageBytes) {

  /** The stamp file's name inside the month's folder. */
  public static final String STAMP = "bench-month.properties";

  /** Validates the month. */
  public BenchMonth {
    Objects.requireNonNull(directory, "directory");
  }

  /** The daily rated usage file (55 columns). */
  public Path usage() {
    return directory.resolve(MonthGenerator.USAGE_FILE);
  }

  /** The grants file. */
  public Path grants() {
    return directory.resolve(MonthGenerator.GRANTS_FILE);
  }

  /** The consumption price list. */
  public Path prices() {
    return directory.resolve(MonthGenerator.PRICES_FILE);
  }

  /** The partners file. */
  public Path partners() {
    return directory.resolve(MonthGenerator.PARTNERS_FILE);
  }

  /**
   * The month of {@code lines} usage lines and {@code seed} under {@code parent}: reused when its stamp matches,
   * else generated (default customers, days and first day of {@link MonthGenerator}).
   *
   * @param log where to say whether the month was reused or written
   * @throws UncheckedIOException if the month cannot be written
   */
  public static BenchMonth prepare(Path parent, long lines, long seed, PrintStream log) {
    return prepare(parent, lines, seed, MonthGenerator.DEFAULT_MALFORMED_EVERY, log);
  }

  /**
   * As {@link #prepare(Path, long, long, PrintStream)}, with one malformed record in {@code malformedEvery}
   * (a smoke test uses many, so that a small month holds every kind of malformation).
   */
  public static BenchMonth prepare(Path parent, long lines, long seed, long malformedEvery, PrintStream log) {
    return prepare(parent, lines, seed, malformedEvery, Shape.DENSE, log);
  }

  /**
   * As {@link #prepare(Path, long, long, long, PrintStream)}, in the given shape; a realistic month lives in
   * {@code <parent>/month-realistic-<lines>-seed<seed>} and is written as {@code pec generate --lines N --seed S}
   * writes it.
   */
  public static BenchMonth prepare(Path parent, long lines, long seed, long malformedEvery, Shape shape,
      PrintStream log) {
    Path dir = parent.resolve("month-" + (shape == Shape.DENSE ? "" : "realistic-") + lines + "-seed" + seed
        + (malformedEvery == MonthGenerator.DEFAULT_MALFORMED_EVERY ? "" : "-malformed" + malformedEvery));
    Properties wanted = new Properties();
    wanted.setProperty("shape", shape.name());
    wanted.setProperty("malformedEvery", Long.toString(malformedEvery));
    wanted.setProperty("lines", Long.toString(lines));
    wanted.setProperty("seed", Long.toString(seed));
    wanted.setProperty("customers", Integer.toString(MonthGenerator.DEFAULT_CUSTOMERS));
    wanted.setProperty("days", Integer.toString(MonthGenerator.DEFAULT_DAYS));
    wanted.setProperty("firstDay", MonthGenerator.DEFAULT_FIRST_DAY.toString());
    wanted.setProperty("generator", generatorFingerprint());
    try {
      BenchMonth existing = reuse(dir, wanted, lines, seed);
      if (existing != null) {
        log.printf("month: reusing %s (%,d usage records, %,d bytes)%n", dir, existing.usageRecords(),
            existing.usageBytes());
        return existing;
      }
      log.printf("month: generating %,d lines (seed %d) into %s ...%n", lines, seed, dir);
      long t0 = System.nanoTime();
      Files.deleteIfExists(dir.resolve(STAMP));
      GeneratedMonth m = MonthGenerator.builder().shape(shape).seed(seed).targetLines(lines)
          .malformedEvery(malformedEvery).build().writeTo(dir);
      Properties stamp = new Properties();
      stamp.putAll(wanted);
      stamp.setProperty("usageRecords", Long.toString(m.usageRecords()));
      stamp.setProperty("malformedRecords", Long.toString(m.malformedRecords()));
      for (Path f : m.files()) {
        stamp.setProperty("size." + f.getFileName(), Long.toString(Files.size(f)));
      }
      try (Writer w = Files.newBufferedWriter(dir.resolve(STAMP), StandardCharsets.UTF_8)) {
        stamp.store(w, "written by org.openpec.examples.bench.BenchMonth; delete the folder to regenerate");
      }
      log.printf("month: wrote %,d usage records (%,d malformed), %,d bytes in %.1f s%n", m.usageRecords(),
          m.malformedRecords(), m.usageBytes(), (System.nanoTime() - t0) / 1e9);
      return new BenchMonth(dir, lines, seed, m.usageRecords(), m.malformedRecords(), m.usageBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot prepare the month: " + e.getMessage(), e);
    }
  }

  private static BenchMonth reuse(Path dir, Properties wanted, long lines, long seed) throws IOException {
    Path stampFile = dir.resolve(STAMP);
    if (!Files.isRegularFile(stampFile)) {
      return null;
    }
    Properties stamp = new Properties();
    try (Reader r = Files.newBufferedReader(stampFile, StandardCharsets.UTF_8)) {
      stamp.load(r);
    }
    for (String key : wanted.stringPropertyNames()) {
      if (!wanted.getProperty(key).equals(stamp.getProperty(key))) {
        return null;
      }
    }
    for (String file : List.of(MonthGenerator.USAGE_FILE, MonthGenerator.GRANTS_FILE, MonthGenerator.PRICES_FILE,
        MonthGenerator.PARTNERS_FILE)) {
      Path f = dir.resolve(file);
      if (!Files.isRegularFile(f) || !Long.toString(Files.size(f)).equals(stamp.getProperty("size." + file))) {
        return null;
      }
    }
    return new BenchMonth(dir, lines, seed, Long.parseLong(stamp.getProperty("usageRecords")),
        Long.parseLong(stamp.getProperty("malformedRecords")), Files.size(dir.resolve(MonthGenerator.USAGE_FILE)));
  }

  /** A CRC of the generator's class files (folder or jar), so that a changed generator writes the month again. */
  static String generatorFingerprint() {
    String prefix = MonthGenerator.class.getPackageName().replace('.', '/') + "/";
    CRC32 crc = new CRC32();
    try {
      Path where = Path.of(MonthGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(where)) {
        List<Path> classes;
        try (Stream<Path> s = Files.list(where.resolve(prefix))) {
          classes = new ArrayList<>(s.filter(p -> p.toString().endsWith(".class")).sorted().toList());
        }
        for (Path p : classes) {
          crc.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
          crc.update(Files.readAllBytes(p));
        }
      } else {
        try (JarFile jar = new JarFile(where.toFile())) {
          List<JarEntry> entries = new ArrayList<>();
          for (JarEntry e : Collections.list(jar.entries())) {
            if (e.getName().startsWith(prefix) && e.getName().endsWith(".class")) {
              entries.add(e);
            }
          }
          entries.sort((a, b) -> a.getName().compareTo(b.getName()));
          for (JarEntry e : entries) {
            crc.update(e.getName().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = jar.getInputStream(e)) {
              crc.update(in.readAllBytes());
            }
          }
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown";
    }
    return Long.toHexString(crc.getValue());
  }
}
