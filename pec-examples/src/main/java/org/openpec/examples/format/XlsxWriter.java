package org.openpec.examples.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.openpec.internal.io.TextValues;

/**
 * Writes one table as an Excel workbook (.xlsx, Office Open XML) while the rows stream in: memory stays flat
 * whatever the row count. The workbook itself (zip, sheet XML, styles) is written by fastexcel; this class decides
 * what each cell holds and flushes the sheet every {@value #FLUSH_ROWS} rows.
 *
 * <p>Cells by {@link ColumnKind}: text as inline strings (never formulas, no shared-string table to grow);
 * whole numbers and decimals as numbers when Excel holds them exactly (at most 15 significant digits); an
 * {@link ColumnKind#EXACT_NUMBER} column with more digits holds the value rounded to 15 significant digits
 * (half-even) and its companion column {@code <name>Exact} holds the exact text; a {@link ColumnKind#NUMBER} with
 * more digits is written as exact text; days as Excel dates shown {@code yyyy-mm-dd}. A cell that does not read as
 * its kind is text. The header row is bold and frozen.
 *
 * <p>Excel's sheets hold at most 1,048,576 rows: beyond {@link #MAX_DATA_ROWS} data rows the table continues on
 * a new sheet ({@code credit}, {@code credit (2)}, ...) that repeats the header. Characters XML cannot carry are
 * written as Excel's {@code _xHHHH_} escapes; text beyond Excel's 32,767 characters per cell is cut, with a
 * final {@code …}. Not thread-safe.
 */
public final class XlsxWriter implements RowSink {

  /** Data rows per sheet: Excel's 1,048,576 rows less the header. */
  public static final int MAX_DATA_ROWS = 1_048_575;

  /** Excel's largest text per cell. */
  static final int MAX_CELL_TEXT = 32_767;

  /** Rows held in memory before the sheet is flushed to the zip. */
  static final int FLUSH_ROWS = 4096;

  private static final MathContext EXCEL = new MathContext(15, RoundingMode.HALF_EVEN);
  private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
  private static final String DATE_FORMAT = "yyyy-mm-dd";

  private final OutputStream target;
  private final Workbook workbook;
  private final TableSpec spec;
  private final int maxDataRows;
  private final List<String> columnNames = new ArrayList<>();
  private final int[] outputColumn;
  private Worksheet sheet;
  private int sheets;
  private int rowsInSheet;
  private boolean closed;

  XlsxWriter(OutputStream target, TableSpec spec, int maxDataRows) {
    this.target = target;
    this.spec = spec;
    this.maxDataRows = maxDataRows;
    this.workbook = new Workbook(target, "openpec", null);
    workbook.setCompressionLevel(Deflater.BEST_SPEED); // the sheet XML is repetitive: fast deflate shrinks it well
    outputColumn = new int[spec.header().size()];
    for (int i = 0; i < spec.header().size(); i++) {
      outputColumn[i] = columnNames.size();
      columnNames.add(spec.header().get(i));
      if (spec.kinds().get(i) == ColumnKind.EXACT_NUMBER) {
        columnNames.add(spec.header().get(i) + "Exact");
      }
    }
    startSheet();
  }

  /** A workbook of one table written to {@code out}; closing the writer finishes the workbook and closes {@code out}. */
  public static XlsxWriter to(OutputStream out, TableSpec spec) {
    return new XlsxWriter(out, spec, MAX_DATA_ROWS);
  }

  /** The column names as the sheet shows them: the table's, each {@code EXACT_NUMBER} column followed by its companion. */
  public List<String> columnNames() {
    return List.copyOf(columnNames);
  }

  /** The number of sheets written so far. */
  public int sheets() {
    return sheets;
  }

  private void startSheet() {
    sheets++;
    rowsInSheet = 0;
    sheet = workbook.newWorksheet(sheetName(sheets));
    for (int i = 0; i < columnNames.size(); i++) {
      sheet.inlineString(0, i, escape(columnNames.get(i)));
    }
    sheet.range(0, 0, 0, columnNames.size() - 1).style().bold().set();
    sheet.freezePane(0, 1);
  }

  @Override
  public void row(String[] cells) {
    try {
      if (rowsInSheet == maxDataRows) {
        sheet.finish();
        startSheet();
      }
      int r = ++rowsInSheet;
      for (int i = 0; i < cells.length && i < outputColumn.length; i++) {
        cell(r, i, cells[i] == null ? "" : cells[i]);
      }
      if (r % FLUSH_ROWS == 0) {
        sheet.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void cell(int r, int column, String value) {
    if (value.isEmpty()) {
      return;
    }
    int at = outputColumn[column];
    switch (spec.kinds().get(column)) {
      case INTEGER, NUMBER, EXACT_NUMBER -> {
        BigDecimal n = TextValues.isNumber(value) ? parse(value) : null;
        if (n == null) {
          text(r, at, value);
        } else if (n.precision() <= 15) {
          sheet.value(r, at, plain(n));
        } else if (spec.kinds().get(column) == ColumnKind.EXACT_NUMBER) {
          sheet.value(r, at, plain(n.round(EXCEL)));
          text(r, at + 1, n.toPlainString());
        } else {
          text(r, at, n.toPlainString());
        }
      }
      case DATE -> {
        LocalDate day = isoDay(value);
        if (day == null) {
          text(r, at, value);
        } else {
          // the day's serial number, a whole number: what Excel stores for a date without a time
          sheet.value(r, at, ChronoUnit.DAYS.between(EPOCH, day));
          sheet.style(r, at).format(DATE_FORMAT).set();
        }
      }
      default -> text(r, at, value);
    }
  }

  /** The number without trailing zeros and without a positive exponent: {@code 100}, not {@code 1E+2}. */
  private static BigDecimal plain(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private void text(int r, int at, String value) {
    sheet.inlineString(r, at, escape(value));
  }

  private static BigDecimal parse(String value) {
    try {
      return TextValues.parseDecimal(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LocalDate isoDay(String value) {
    if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(value);
      return d.isBefore(LocalDate.of(1900, 3, 1)) ? null : d;
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * Text in Excel's string form, before XML escaping (which fastexcel does): control characters XML cannot carry
   * as {@code _xHHHH_}, an underscore that would start such an escape as {@code _x005F_}, cut to
   * {@link #MAX_CELL_TEXT} characters with a final {@code …}. fastexcel alone would drop those characters.
   */
  static String escape(String text) {
    String t = text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT - 1) + "…" : text;
    StringBuilder s = null;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      String r = switch (c) {
        case '_' -> isEscapeLike(t, i) ? "_x005F_" : null;
        default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
            ? String.format("_x%04X_", (int) c) : null;
      };
      if (r != null && s == null) {
        s = new StringBuilder(t.length() + 16).append(t, 0, i);
      }
      if (s != null) {
        if (r != null) {
          s.append(r);
        } else {
          s.append(c);
        }
      }
    }
    return s == null ? t : s.toString();
  }

  /** Whether {@code _xHHHH_} starts at {@code i}: Excel would read it as an escape, so its underscore is escaped. */
  private static boolean isEscapeLike(String t, int i) {
    if (i + 6 >= t.length() || t.charAt(i + 1) != 'x' || t.charAt(i + 6) != '_') {
      return false;
    }
    for (int k = i + 2; k < i + 6; k++) {
      if (Character.digit(t.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (OutputStream out = target) {
      sheet.finish();
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name of sheet {@code n} (1-based): the table's name, then {@code name (n)}. */
  String sheetName(int n) {
    String base = spec.name().replaceAll("[\\[\\]:*?/\\\\]", "_");
    String name = n == 1 ? base : base + " (" + n + ")";
    return name.length() <= 31 ? name : name.substring(0, 31);
  }
}
