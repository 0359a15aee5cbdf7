package org.openpec.examples.format;

import static org.openpec.examples.format.ColumnKind.DATE;
import static org.openpec.examples.format.ColumnKind.EXACT_NUMBER;
import static org.openpec.examples.format.ColumnKind.INTEGER;
import static org.openpec.examples.format.ColumnKind.NUMBER;
import static org.openpec.examples.format.ColumnKind.TEXT;

import java.util.List;
import org.openpec.internal.io.CreditCsv;
import org.openpec.internal.io.LossesCsv;
import org.openpec.internal.io.ReconcileCsv;

/** The tables of {@code credit}, {@code reconcile} and {@code losses}, with the kind of each column. */
public final class Tables {

  private Tables() {}

  /** {@code pec credit}: unit prices and unrounded pricing-currency amounts keep an exact companion in xlsx. */
  public static final TableSpec CREDIT = new TableSpec("credit", CreditCsv.HEADER, List.of(
      INTEGER, TEXT, TEXT, TEXT, DATE, TEXT, NUMBER, EXACT_NUMBER, TEXT, NUMBER, EXACT_NUMBER, EXACT_NUMBER,
      EXACT_NUMBER, EXACT_NUMBER, NUMBER, NUMBER, TEXT, TEXT));

  /** {@code pec reconcile}. */
  public static final TableSpec RECONCILE = new TableSpec("reconcile", ReconcileCsv.HEADER, List.of(
      INTEGER, TEXT, TEXT, TEXT, DATE, TEXT, TEXT, NUMBER, NUMBER, EXACT_NUMBER, EXACT_NUMBER, NUMBER, NUMBER,
      NUMBER, TEXT));

  /** {@code pec losses}. */
  public static final TableSpec LOSSES = new TableSpec("losses", LossesCsv.HEADER, List.of(
      TEXT, TEXT, TEXT, TEXT, DATE, DATE, INTEGER, INTEGER, EXACT_NUMBER, EXACT_NUMBER, TEXT, NUMBER, TEXT));
}
