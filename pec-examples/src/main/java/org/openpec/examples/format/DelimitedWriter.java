package org.openpec.examples.format;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes a table as delimited text: plain CSV (RFC 4180, {@code ,}, LF, decimal point: what {@code --format csv}
 * writes), or the CSV that Excel opens directly in a European locale ({@link #excel}): a UTF-8 byte order mark,
 * {@code ;} between fields, CRLF line ends and a decimal comma in number columns. Numbers keep every digit as
 * text; text cells arrive already neutralised against formulas. Not thread-safe.
 */
public final class DelimitedWriter implements RowSink {

  private final Writer out;
  private final CsvWriter csv;
  private final TableSpec spec;
  private final boolean decimalComma;

  private DelimitedWriter(Writer out, TableSpec spec, char delimiter, LineDelimiter lines, boolean decimalComma,
      boolean bom) {
    this.out = out;
    this.spec = spec;
    this.decimalComma = decimalComma;
    try {
      if (bom) {
        out.write('\uFEFF');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.csv = CsvWriter.builder().fieldSeparator(delimiter).lineDelimiter(lines).build(out);
    csv.writeRecord(spec.header());
  }

  /** Plain CSV, as {@code --format csv} writes it; closing the writer closes {@code out}. */
  public static DelimitedWriter csv(Writer out, TableSpec spec) {
    return new DelimitedWriter(out, spec, ',', LineDelimiter.LF, false, false);
  }

  /** Excel's European CSV: BOM, {@code ;}, CRLF, decimal comma; closing the writer closes {@code out}. */
  public static DelimitedWriter excel(Writer out, TableSpec spec) {
    return new DelimitedWriter(out, spec, ';', LineDelimiter.CRLF, true, true);
  }

  @Override
  public void row(String[] cells) {
    if (decimalComma) {
      String[] c = cells.clone();
      for (int i = 0; i < c.length && i < spec.kinds().size(); i++) {
        ColumnKind k = spec.kinds().get(i);
        if (k == ColumnKind.NUMBER || k == ColumnKind.EXACT_NUMBER) {
          c[i] = DecimalComma.of(c[i]);
        }
      }
      csv.writeRecord(c);
    } else {
      csv.writeRecord(cells);
    }
  }

  @Override
  public void close() {
    try {
      csv.close();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A plain-notation number with a decimal comma; anything else unchanged. */
  static final class DecimalComma {
    private DecimalComma() {}

    static String of(String cell) {
      return cell != null && org.openpec.internal.io.TextValues.isNumber(cell) ? cell.replace('.', ',') : cell;
    }
  }
}
