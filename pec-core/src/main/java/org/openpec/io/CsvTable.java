package org.openpec.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A CSV file read as rules §11 says: UTF-8 with an optional BOM, RFC 4180 quoting, a header found by name
 * (case-insensitive, any order, unknown columns kept), empty lines neither records nor numbered. Streams its
 * records; never holds the file in memory.
 */
final class CsvTable implements Closeable {

  private final String fileName;
  private final String displayName;
  private final CsvReader<CsvRecord> reader;
  private final Iterator<CsvRecord> records;
  private final String[] header;
  private final Map<String, Integer> columns;
  private final Map<String, Integer> duplicates;

  private CsvTable(String displayName, String fileName, CsvReader<CsvRecord> reader, Iterator<CsvRecord> records,
      String[] header) {
    this.displayName = displayName;
    this.fileName = fileName;
    this.reader = reader;
    this.records = records;
    this.header = header;
    Map<String, Integer> m = new HashMap<>();
    Map<String, Integer> twice = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      String key = normalise(header[i]);
      if (m.putIfAbsent(key, i) != null) {
        twice.putIfAbsent(key, i);
      }
    }
    this.columns = m;
    this.duplicates = twice;
  }

  /**
   * Opens {@code path} and reads its header.
   *
   * @throws InputException when the file cannot be read or has no header line
   */
  static CsvTable open(Path path) {
    return open(path, ',');
  }

  /** Opens {@code path}, whose fields are separated by {@code delimiter}, and reads its header. */
  static CsvTable open(Path path, char delimiter) {
    String display = path.toString();
    InputStream in;
    try {
      in = Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new InputException(display + ": file not found");
    } catch (IOException e) {
      throw new InputException(display + ": cannot read file: " + e.getMessage(), e);
    }
    return open(in, display, path.getFileName() == null ? display : path.getFileName().toString(), delimiter);
  }

  /** Opens a stream already positioned at the start of a CSV text. */
  static CsvTable open(InputStream in, String display, String fileName) {
    return open(in, display, fileName, ',');
  }

  /** Opens a stream already positioned at the start of a CSV text whose fields {@code delimiter} separates. */
  static CsvTable open(InputStream in, String display, String fileName, char delimiter) {
    CsvReader<CsvRecord> reader = CsvReader.builder()
        .fieldSeparator(delimiter)
        .detectBomHeader(true)
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .allowExtraCharsAfterClosingQuote(true)
        .allowUnclosedQuote(true)
        .ofCsvRecord(in, StandardCharsets.UTF_8);
    Iterator<CsvRecord> it = reader.iterator();
    try {
      if (!it.hasNext()) {
        closeQuietly(reader);
        throw new InputException(display + ": empty file (no header line)");
      }
      CsvRecord first = it.next();
      String[] header = first.getFields().toArray(new String[0]);
      if (header.length == 1 && header[0].isBlank()) {
        closeQuietly(reader);
        throw new InputException(display + ": empty file (no header line)");
      }
      if (String.join(",", header).indexOf('\u0000') >= 0) {
        closeQuietly(reader);
        throw new InputException(display + ": not UTF-8 text: the header line holds NUL bytes, as UTF-16 text "
            + "without a byte-order mark does; save the file as UTF-8");
      }
      return new CsvTable(display, fileName, reader, it, header);
    } catch (CsvParseException | UncheckedIOException e) {
      closeQuietly(reader);
      throw new InputException(display + ": cannot read the header: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing more to report than the error already raised
    }
  }

  static String normalise(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.startsWith("\uFEFF") ? n.substring(1) : n;
  }

  /** The file as given (with folders), for fatal messages. */
  String displayName() {
    return displayName;
  }

  /** The file's name without folders, for problems. */
  String fileName() {
    return fileName;
  }

  /** The header cells as written. */
  String[] header() {
    return header.clone();
  }

  /**
   * The 0-based index of a column, or -1.
   *
   * @throws InputException when the header names the column twice (ignoring case): which one to read would be a
   *     silent choice
   */
  int column(String name) {
    String key = normalise(name);
    Integer second = duplicates.get(key);
    if (second != null) {
      throw new InputException(displayName + ": column " + name + " appears twice in the header (columns "
          + (columns.get(key) + 1) + " and " + (second + 1) + ")");
    }
    return columns.getOrDefault(key, -1);
  }

  /**
   * The index of a required column.
   *
   * @throws InputException naming the file and the column when it is missing
   */
  int requireColumn(String name) {
    return requireColumns(name)[0];
  }

  /**
   * The indexes of required columns, in the order given.
   *
   * @throws InputException naming the file and every missing column when any is missing
   */
  int[] requireColumns(String... names) {
    int[] at = new int[names.length];
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      at[i] = column(names[i]);
      if (at[i] < 0) {
        missing.add(names[i]);
      }
    }
    if (missing.size() == 1) {
      throw new InputException(displayName + ": required column " + missing.get(0) + " is missing");
    }
    if (!missing.isEmpty()) {
      throw new InputException(displayName + ": required columns " + String.join(", ", missing) + " are missing");
    }
    return at;
  }

  /** The number of header fields. */
  int width() {
    return header.length;
  }

  /** The next record, or null at the end. */
  CsvRecord next() {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (NoSuchElementException e) {
      return null;
    } catch (UncheckedIOException | CsvParseException e) {
      throw new InputException(displayName + ": cannot read file: " + rootMessage(e), e);
    }
  }

  /** A problem at a record of this file. */
  InputProblem problem(CsvRecord record, int columnIndex, String message) {
    return new InputProblem(fileName, record.getStartingLineNumber(), columnIndex < 0 ? 0 : columnIndex + 1,
        message);
  }

  /** The problem of a record whose field count differs from the header's, or null. */
  InputProblem fieldCountProblem(CsvRecord record) {
    int n = record.getFieldCount();
    return n == header.length ? null : problem(record, -1,
        "record has " + n + " field" + (n == 1 ? "" : "s") + ", the header has " + header.length);
  }

  @Override
  public void close() {
    closeQuietly(reader);
  }
}
