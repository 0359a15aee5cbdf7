package org.openpec.examples.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.openpec.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The output format options of {@code credit}, {@code reconcile} and {@code losses}: {@code --format csv|xlsx}
 * ({@code focus} too on {@code credit}) and {@code --excel-csv}.
 */
public final class FormatOptions {

  /** An output format. */
  public enum Format {
    /** CSV: comma, decimal point, UTF-8 without BOM (the default). */
    CSV,
    /** An Excel workbook; needs {@code --out}. */
    XLSX,
    /** FOCUS 1.2 columns (credit only), as CSV. */
    FOCUS
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "Output format: csv (default); xlsx, an Excel workbook (needs --out; numbers as numbers, dates "
          + "as dates, exact text beside any number Excel's 15 digits cannot hold; a new sheet every 1,048,575 "
          + "rows); focus (credit only): FOCUS 1.2 columns plus x_ columns for the partner credit.")
  Format format = Format.CSV;

  @Option(names = "--excel-csv",
      description = "CSV as Excel opens it in European locales: UTF-8 with BOM, ';' between fields, decimal comma, "
          + "CRLF.")
  boolean excelCsv;

  /** The format asked for. */
  public Format format() {
    return format;
  }

  /** Whether the output is the plain CSV table (neither xlsx, focus nor Excel's CSV). */
  public boolean isPlainCsv() {
    return format == Format.CSV && !excelCsv;
  }

  /**
   * Checks the options together.
   *
   * @param out the {@code --out} file, or null for standard output
   * @param focusAllowed whether the command writes FOCUS
   * @throws CommandLine.ParameterException when xlsx lacks {@code --out}, focus is not allowed, or
   *     {@code --excel-csv} is combined with xlsx (exit 2)
   */
  public void validate(CommandLine cl, Path out, boolean focusAllowed) {
    if (format == Format.FOCUS && !focusAllowed) {
      throw new CommandLine.ParameterException(cl, "--format focus is for pec credit only: use csv or xlsx");
    }
    if (format == Format.XLSX && out == null) {
      throw new CommandLine.ParameterException(cl, "--format xlsx writes a binary workbook: give --out F.xlsx");
    }
    if (format == Format.XLSX && excelCsv) {
      throw new CommandLine.ParameterException(cl, "--excel-csv is a kind of CSV: give it without --format xlsx");
    }
  }

  /**
   * Opens the sink of a table in the format asked for.
   *
   * @param spec the table ({@link FocusTable#SPEC} under {@code --format focus})
   * @param out the {@code --out} file (required for xlsx)
   * @param text the text output of the CSV forms (the file or standard output)
   * @throws InputException when the workbook file cannot be written
   */
  public RowSink open(TableSpec spec, Path out, Supplier<Writer> text) {
    return open(spec, () -> {
      try {
        return Files.newOutputStream(out);
      } catch (IOException e) {
        throw new InputException(out + ": cannot write file: " + e.getMessage(), e);
      }
    }, text);
  }

  /**
   * Opens the sink of a table in the format asked for, writing the workbook to {@code binary} (the {@code --out}
   * file, e.g. as the command's atomic outputs give it) and the CSV forms to {@code text}.
   */
  public RowSink open(TableSpec spec, Supplier<java.io.OutputStream> binary, Supplier<Writer> text) {
    if (format == Format.XLSX) {
      return XlsxWriter.to(new BufferedOutputStream(binary.get(), 1 << 16), spec);
    }
    return excelCsv ? DelimitedWriter.excel(text.get(), spec) : DelimitedWriter.csv(text.get(), spec);
  }
}
