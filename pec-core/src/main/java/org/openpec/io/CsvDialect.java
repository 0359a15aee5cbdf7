package org.openpec.io;

import java.util.Objects;

/**
 * How a usage CSV writes its fields and numbers: the field delimiter and the decimal separator.
 *
 * <p>Microsoft's own files use {@code ,} and a decimal point ({@link #STANDARD}). Excel, saving a CSV in a
 * European locale (de-DE, fr-FR, ...), writes {@code ;} between fields and a decimal comma in numbers
 * ({@code 0,85}); such a file is read with {@code of(';', true)}. Under a decimal comma a number may hold no
 * point at all (a point would be a thousands separator, which the grammar of numbers does not allow), so
 * {@code 1.234,5} is rejected rather than guessed. Immutable and thread-safe.
 */
public final class CsvDialect {

  /** Comma-separated, decimal point: the files Microsoft writes. */
  public static final CsvDialect STANDARD = new CsvDialect(',', false);

  private final char delimiter;
  private final boolean decimalComma;

  private CsvDialect(char delimiter, boolean decimalComma) {
    this.delimiter = delimiter;
    this.decimalComma = decimalComma;
  }

  /**
   * {@return a dialect}
   *
   * @param delimiter the field delimiter; not a quote, CR or LF
   * @param decimalComma whether numbers use {@code ,} as decimal separator
   * @throws IllegalArgumentException when the delimiter is a quote, CR or LF, or a comma together with a
   *     decimal comma
   */
  public static CsvDialect of(char delimiter, boolean decimalComma) {
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
      throw new IllegalArgumentException("the delimiter must not be a quote or a line break");
    }
    if (decimalComma && delimiter == ',') {
      throw new IllegalArgumentException("a decimal comma needs another delimiter than ',' (e.g. ';')");
    }
    return new CsvDialect(delimiter, decimalComma);
  }

  /** {@return the field delimiter} */
  public char delimiter() {
    return delimiter;
  }

  /** {@return whether numbers use a decimal comma} */
  public boolean isDecimalComma() {
    return decimalComma;
  }

  /**
   * A number field as the grammar of numbers writes it: under a decimal comma, {@code 0,85} becomes {@code 0.85};
   * null when the field cannot be a number of this dialect (a point under a decimal comma). Otherwise unchanged.
   */
  String toPointNotation(String field) {
    if (!decimalComma) {
      return field;
    }
    return field.indexOf('.') >= 0 ? null : field.replace(',', '.');
  }

  /** The delimiter as a message shows it. */
  String delimiterName() {
    return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsvDialect d && d.delimiter == delimiter && d.decimalComma == decimalComma;
  }

  @Override
  public int hashCode() {
    return Objects.hash(delimiter, decimalComma);
  }

  @Override
  public String toString() {
    return "CsvDialect[delimiter=" + delimiterName() + (decimalComma ? ", decimal comma]" : ", decimal point]");
  }
}
