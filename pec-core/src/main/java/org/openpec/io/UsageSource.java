package org.openpec.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * The usage of a run, from one or several inputs, each recognised by its content and not by its name: CSV, gzip
 * CSV, JSON Lines ({@link JsonUsageReader}), gzip JSON Lines, or the manifest of a Microsoft Graph usage
 * reconciliation export (a manifest file naming its blobs), whose blobs are read in the manifest's order. Several
 * inputs are read in the order given, as one usage file: their records are numbered on from one input to the next,
 * while each record's problem keeps naming its own file (or blob), line and column.
 *
 * <p>Recognition: a file starting with the gzip magic bytes is decompressed first; text whose first character
 * (after a BOM and white space) is <code>{</code> is JSON — a manifest when its top-level object has
 * {@code blobs} or {@code dataFormat}, else JSON Lines; anything else is CSV in the given {@link CsvDialect}. A
 * JSON array and UTF-16 text (Excel's "Unicode Text") are refused with a message saying what to give instead.
 *
 * <p>Every input is opened once when the source is opened, so a file that cannot be used at all fails before any
 * record is read. A single CSV input reads exactly as {@link UsageReader#open(Path, CsvDialect)} (decoded on the
 * workers of {@link UsageRun}); other sources decode on the reading thread. Immutable and thread-safe;
 * {@link #open} may be called more than once (e.g. to read the usage twice), except on standard input.
 *
 * <pre>{@code
 * try (UsageReader usage = UsageSource.of(List.of("manifest.json")).open()) {
 *   usage.forEachRemaining(rec -> ...);
 * }
 * }</pre>
 */
public final class UsageSource {

  /** The name that stands for standard input. */
  public static final String STDIN = "-";

  /** What to do when JSON usage lacks a field pec needs. */
  static final String FULL_ATTRIBUTES = ": request the reconciliation export with the full attribute set "
      + "(attributeSet=full; the basic set leaves these fields out)";

  private final List<String> inputs;
  private final CsvDialect dialect;
  private final List<String> needed;
  private final Supplier<InputStream> stdin;
  /** Told the number of bytes each read takes from an input (before decompression), or null. */
  private final LongConsumer counter;

  private UsageSource(List<String> inputs, CsvDialect dialect, List<String> needed, Supplier<InputStream> stdin,
      LongConsumer counter) {
    this.inputs = inputs;
    this.dialect = dialect;
    this.needed = needed;
    this.stdin = stdin;
    this.counter = counter;
  }

  /**
   * {@return the usage in {@code inputs}, read in that order; {@code "-"} is standard input, and then the only input}
   *
   * @param inputs the inputs: files, folders or {@code -} for standard input
   * @throws IllegalArgumentException when there is no input, or standard input is one of several
   */
  public static UsageSource of(List<String> inputs) {
    List<String> copy = List.copyOf(inputs);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no usage input");
    }
    if (copy.size() > 1 && copy.contains(STDIN)) {
      throw new IllegalArgumentException("standard input ('-') must be the only usage input");
    }
    return new UsageSource(copy, CsvDialect.STANDARD, List.of(), () -> System.in, null);
  }

  /**
   * {@return the same source with CSV inputs read in {@code dialect} (JSON is unaffected)}
   *
   * @param dialect the delimiter and decimal separator of the file
   */
  public UsageSource withDialect(CsvDialect dialect) {
    return new UsageSource(inputs, Objects.requireNonNull(dialect, "dialect"), needed, stdin, counter);
  }

  /**
   * The same source, where JSON usage must also carry {@code columns} (CSV names, e.g. the reported PEC columns a
   * reconciliation compares); a JSON input lacking one cannot be used at all. CSV inputs are unaffected.
   *
   * @param columns the column names
   * @return the source that checks them
   */
  public UsageSource needing(Collection<String> columns) {
    return new UsageSource(inputs, dialect, List.copyOf(columns), stdin, counter);
  }

  /**
   * {@return the same source reading {@code "-"} from {@code in} instead of {@code System.in}}
   *
   * @param in the stream; not closed
   */
  public UsageSource withStandardInput(InputStream in) {
    Objects.requireNonNull(in, "in");
    return new UsageSource(inputs, dialect, needed, () -> in, counter);
  }

  /**
   * The same source telling {@code counter} how many bytes each read takes from a file or standard input, as
   * stored (compressed bytes for gzip): what a progress bar needs to show the share of the input read.
   *
   * @param counter receives the number of bytes read
   * @return the counting source
   */
  public UsageSource counting(LongConsumer counter) {
    return new UsageSource(inputs, dialect, needed, stdin, Objects.requireNonNull(counter, "counter"));
  }

  /** {@code in}, its reads told to the counter when there is one. */
  private InputStream counted(InputStream in) {
    if (counter == null) {
      return in;
    }
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          counter.accept(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          counter.accept(n);
        }
        return n;
      }
    };
  }

  /** {@return the inputs as given} */
  public List<String> inputs() {
    return inputs;
  }

  /**
   * Opens every input and returns a reader of all their records in order.
   *
   * @return the reader of every input, in order
   * @throws InputException when an input cannot be used at all: not found, unreadable, empty, a CSV lacking a
   *     required column (or separated by another delimiter: the message names it), JSON lacking a field pec needs,
   *     a manifest that is not of compressed JSON Lines, made with the basic attribute set, or missing a blob
   */
  public UsageReader open() {
    List<Supplier<UsageReader>> parts = new ArrayList<>();
    for (String input : inputs) {
      if (input.equals(STDIN)) {
        parts.add(() -> openStream(counted(stdin.get()), "stdin", "stdin", FULL_ATTRIBUTES));
      } else {
        addParts(Path.of(input), parts);
      }
    }
    UsageReader first = parts.get(0).get();
    if (parts.size() == 1) {
      return first;
    }
    try {
      for (int i = 1; i < parts.size(); i++) {
        parts.get(i).get().close();
      }
    } catch (RuntimeException e) {
      first.close();
      throw e;
    }
    return UsageReader.of(new Chain(first, parts));
  }

  /**
   * Opens the bytes of one usage file recognised by content, as {@link #open()} recognises a file: gzip, JSON Lines
   * or CSV in this source's dialect; {@code fileName} names it in record positions. For engines that hand a reader
   * the bytes of one file (a distributed read); a manifest names other files, so it is not recognised here.
   *
   * @param in the stream; not closed
   * @param fileName the name to report problems under
   * @return the reader of the stream
   * @throws InputException when the bytes cannot be used at all (as {@link #open()})
   */
  public UsageReader open(InputStream in, String fileName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(fileName, "fileName");
    return openStream(counted(in), fileName, fileName, FULL_ATTRIBUTES);
  }

  /**
   * The files this source reads, in reading order: each input as given, and in place of a usage manifest its blobs,
   * found beside it as {@link #open()} finds them. For engines that hand each file to a worker of their own
   * ({@link #open(InputStream, String)}) and number the records on from one file to the next as {@link #open()}
   * numbers them; {@link #open()} stays the check that every file can be used.
   *
   * @return the files, in reading order
   * @throws IllegalStateException when an input is standard input
   * @throws InputException when a manifest cannot be read or lists a blob that is not found
   */
  public List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (String input : inputs) {
      if (input.equals(STDIN)) {
        throw new IllegalStateException("standard input is not a file");
      }
      Path path = Path.of(input);
      if (isManifest(path)) {
        for (UsageManifest.Blob b : UsageManifest.read(path).blobs()) {
          files.add(b.path());
        }
      } else {
        files.add(path);
      }
    }
    return List.copyOf(files);
  }

  /**
   * Whether {@code path} holds the manifest of a Microsoft Graph usage reconciliation export, recognised by content
   * as {@link #open()} recognises it: not gzip, and a JSON object whose top level has {@code blobs} or
   * {@code dataFormat}.
   *
   * @param path the file to look at; read up to its first JSON object
   * @return whether it is a manifest; false for a file that cannot be read
   */
  public static boolean isManifest(Path path) {
    return !isGzip(path) && startsWithBrace(path) && UsageManifest.isManifest(path);
  }

  private void addParts(Path path, List<Supplier<UsageReader>> parts) {
    if (isManifest(path)) {
      UsageManifest manifest = UsageManifest.read(path);
      String advice = manifest.isBasic()
          ? ": the manifest " + path.getFileName() + " has attributeSet basic, which leaves them out: request the "
              + "export again with the full attribute set (attributeSet=full)"
          : FULL_ATTRIBUTES;
      if (manifest.isBasic()) {
        if (!manifest.blobs().isEmpty()) {
          openFile(manifest.blobs().get(0).path(), advice).close();
        }
        throw new InputException(path + ": the manifest has attributeSet basic, which leaves out fields pec needs "
            + "(" + String.join(", ", JsonUsageReader.requiredFields()) + " must all be there): request the export "
            + "again with the full attribute set (attributeSet=full)");
      }
      for (UsageManifest.Blob b : manifest.blobs()) {
        parts.add(() -> openFile(b.path(), advice));
      }
      return;
    }
    parts.add(() -> openFile(path, FULL_ATTRIBUTES));
  }

  private UsageReader openFile(Path path, String advice) {
    InputStream in;
    try {
      in = counted(Files.newInputStream(path));
    } catch (NoSuchFileException e) {
      throw new InputException(path + ": file not found");
    } catch (IOException e) {
      throw new InputException(path + ": cannot read file: " + e.getMessage(), e);
    }
    Path name = path.getFileName();
    return openStream(in, path.toString(), name == null ? path.toString() : name.toString(), advice);
  }

  private UsageReader openStream(InputStream raw, String display, String fileName, String advice) {
    try {
      BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
        throw new InputException(display + ": UTF-16 text (as Excel saves \"Unicode Text\"): save the usage as "
            + "\"CSV UTF-8\" instead");
      }
      int first = firstCharacter(in);
      if (first == '{') {
        return UsageReader.of(JsonUsageReader.open(in, display, fileName, needed, advice));
      }
      if (first == '[') {
        throw new InputException(display + ": a JSON array: pec reads JSON Lines, one usage object per line");
      }
      return UsageReader.open(in, display, fileName, dialect);
    } catch (IOException | UncheckedIOException e) {
      closeQuietly(raw);
      throw new InputException(display + ": cannot read file: " + e.getMessage(), e);
    } catch (InputException e) {
      closeQuietly(raw);
      throw e;
    }
  }

  /** The first character after a UTF-8 BOM and white space, or -1; the stream is reset to where it was. */
  private static int firstCharacter(BufferedInputStream in) throws IOException {
    in.mark(1 << 15);
    try {
      int c = in.read();
      if (c == 0xEF) {
        in.read();
        in.read();
        c = in.read();
      }
      for (int n = 0; n < (1 << 14) && (c == ' ' || c == '\t' || c == '\r' || c == '\n'); n++) {
        c = in.read();
      }
      return c;
    } finally {
      in.reset();
    }
  }

  private static boolean isGzip(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean startsWithBrace(Path path) {
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path))) {
      return firstCharacter(in) == '{';
    } catch (IOException e) {
      return false;
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the error already raised says enough
    }
  }

  /** Several readers in a row, their records numbered on. */
  private static final class Chain implements UsageFeed {
    private final List<Supplier<UsageReader>> parts;
    private UsageReader current;
    private int nextPart = 1;
    private long offset;
    private long last;

    Chain(UsageReader first, List<Supplier<UsageReader>> parts) {
      this.current = first;
      this.parts = parts;
    }

    @Override
    public UsageRecord next() {
      while (true) {
        if (current == null) {
          if (nextPart == parts.size()) {
            return null;
          }
          current = parts.get(nextPart++).get();
        }
        if (current.hasNext()) {
          UsageRecord r = current.next();
          last = r.recordNumber();
          return r.withRecordNumber(offset + last);
        }
        offset += last;
        last = 0;
        current.close();
        current = null;
      }
    }

    @Override
    public String fileName() {
      return current != null ? current.fileName() : "";
    }

    @Override
    public boolean hasColumn(String column) {
      return current != null && current.hasColumn(column);
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
