package org.openpec.examples.format;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openpec.io.TextValues;

/**
 * Writes one table as an Excel workbook (.xlsx, Office Open XML) while the rows stream in: memory stays flat
 * whatever the row count. No dependency: the workbook is a zip of a few XML parts, written with the JDK.
 *
 * <p>Cells by {@link ColumnKind}: text as inline strings (never formulas); whole numbers and decimals as numbers
 * when Excel holds them exactly (at most 15 significant digits); an {@link ColumnKind#EXACT_NUMBER} column with
 * more digits holds the value rounded to 15 significant digits (half-even) and its companion column
 * {@code <name>Exact} holds the exact text; a {@link ColumnKind#NUMBER} with more digits is written as exact
 * text; days as Excel dates shown {@code yyyy-mm-dd}. A cell that does not read as its kind is text. The header
 * row is bold and frozen.
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

  private static final MathContext EXCEL = new MathContext(15, RoundingMode.HALF_EVEN);
  private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
  private static final int STYLE_BOLD = 1;
  private static final int STYLE_DATE = 2;

  private final ZipOutputStream zip;
  private final Writer xml;
  private final TableSpec spec;
  private final int maxDataRows;
  private final List<String> columnNames = new ArrayList<>();
  private final String[] refs;
  private final int[] outputColumn;
  private int sheets;
  private int rowsInSheet;
  private long rowNumber;
  /** The current row's number as text, for the cell references. */
  private String rowText = "1";
  private boolean closed;

  XlsxWriter(OutputStream target, TableSpec spec, int maxDataRows) {
    this.spec = spec;
    this.maxDataRows = maxDataRows;
    this.zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
    zip.setLevel(Deflater.BEST_SPEED); // the sheet XML is repetitive: fast deflate still shrinks it about 4 times
    this.xml = new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(zip) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() {
        // the zip stays open between entries
      }
    }, StandardCharsets.UTF_8), 1 << 16);
    outputColumn = new int[spec.header().size()];
    for (int i = 0; i < spec.header().size(); i++) {
      outputColumn[i] = columnNames.size();
      columnNames.add(spec.header().get(i));
      if (spec.kinds().get(i) == ColumnKind.EXACT_NUMBER) {
        columnNames.add(spec.header().get(i) + "Exact");
      }
    }
    refs = new String[columnNames.size()];
    for (int i = 0; i < refs.length; i++) {
      refs[i] = columnLetters(i);
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

  static String columnLetters(int index) {
    StringBuilder s = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      s.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return s.toString();
  }

  private void startSheet() {
    try {
      sheets++;
      rowsInSheet = 0;
      rowNumber = 0;
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheets + ".xml"));
      xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\""
          + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
          + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetViews><sheetView "
          + "workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
          + "</sheetView></sheetViews><sheetData>");
      startRow();
      for (int i = 0; i < columnNames.size(); i++) {
        textCell(i, columnNames.get(i), STYLE_BOLD);
      }
      xml.write("</row>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void endSheet() throws IOException {
    xml.write("</sheetData></worksheet>");
    xml.flush();
    zip.closeEntry();
  }

  private void startRow() throws IOException {
    rowText = Long.toString(++rowNumber);
    xml.write("<row r=\"");
    xml.write(rowText);
    xml.write("\">");
  }

  @Override
  public void row(String[] cells) {
    try {
      if (rowsInSheet == maxDataRows) {
        endSheet();
        startSheet();
      }
      rowsInSheet++;
      startRow();
      for (int i = 0; i < cells.length && i < outputColumn.length; i++) {
        cell(i, cells[i] == null ? "" : cells[i]);
      }
      xml.write("</row>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void cell(int column, String value) throws IOException {
    if (value.isEmpty()) {
      return;
    }
    int at = outputColumn[column];
    switch (spec.kinds().get(column)) {
      case INTEGER, NUMBER, EXACT_NUMBER -> {
        BigDecimal n = TextValues.isNumber(value) ? parse(value) : null;
        if (n == null) {
          textCell(at, value, 0);
        } else if (n.precision() <= 15) {
          numberCell(at, n.stripTrailingZeros().toPlainString(), 0);
        } else if (spec.kinds().get(column) == ColumnKind.EXACT_NUMBER) {
          numberCell(at, n.round(EXCEL).stripTrailingZeros().toPlainString(), 0);
          textCell(at + 1, n.toPlainString(), 0);
        } else {
          textCell(at, n.toPlainString(), 0);
        }
      }
      case DATE -> {
        LocalDate day = isoDay(value);
        if (day == null) {
          textCell(at, value, 0);
        } else {
          numberCell(at, Long.toString(ChronoUnit.DAYS.between(EPOCH, day)), STYLE_DATE);
        }
      }
      default -> textCell(at, value, 0);
    }
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

  private void numberCell(int at, String number, int style) throws IOException {
    xml.write("<c r=\"");
    xml.write(refs[at]);
    xml.write(rowText);
    xml.write(style == 0 ? "\"><v>" : "\" s=\"" + style + "\"><v>");
    xml.write(number);
    xml.write("</v></c>");
  }

  private void textCell(int at, String text, int style) throws IOException {
    xml.write("<c r=\"");
    xml.write(refs[at]);
    xml.write(rowText);
    xml.write(style == 0 ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
        : "\" s=\"" + style + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    xml.write(escape(text));
    xml.write("</t></is></c>");
  }

  /** Text as XML character data in Excel's string form: markup escaped, control characters as {@code _xHHHH_}. */
  static String escape(String text) {
    String t = text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT - 1) + "…" : text;
    StringBuilder s = null;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      String r = switch (c) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
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
    try {
      endSheet();
      part("[Content_Types].xml", contentTypes());
      part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
          + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
          + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
          + "Target=\"xl/workbook.xml\"/></Relationships>");
      part("xl/workbook.xml", workbook());
      part("xl/_rels/workbook.xml.rels", workbookRels());
      part("xl/styles.xml", STYLES);
      zip.finish();
      zip.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void part(String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    xml.write(content);
    xml.flush();
    zip.closeEntry();
  }

  /** The name of sheet {@code n} (1-based): the table's name, then {@code name (n)}. */
  String sheetName(int n) {
    String base = spec.name().replaceAll("[\\[\\]:*?/\\\\]", "_");
    String name = n == 1 ? base : base + " (" + n + ")";
    return name.length() <= 31 ? name : name.substring(0, 31);
  }

  private String contentTypes() {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\""
        + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
        + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\""
        + "application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
        + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" "
        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
    for (int i = 1; i <= sheets; i++) {
      s.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
    }
    return s.append("</Types>").toString();
  }

  private String workbook() {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook "
        + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
        + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
    for (int i = 1; i <= sheets; i++) {
      s.append("<sheet name=\"").append(escape(sheetName(i))).append("\" sheetId=\"").append(i)
          .append("\" r:id=\"rId").append(i).append("\"/>");
    }
    return s.append("</sheets></workbook>").toString();
  }

  private String workbookRels() {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (int i = 1; i <= sheets; i++) {
      s.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/"
          + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
    }
    s.append("<Relationship Id=\"rId").append(sheets + 1).append("\" Type=\"http://schemas.openxmlformats.org/"
        + "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
    return s.append("</Relationships>").toString();
  }

  private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
      + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
      + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
      + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
      + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
      + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
      + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
      + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
      + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      + "</styleSheet>";
}
