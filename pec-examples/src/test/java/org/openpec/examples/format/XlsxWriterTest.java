package org.openpec.examples.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxWriterTest {

  @TempDir
  Path dir;

  static final TableSpec SPEC = new TableSpec("credit", List.of("Line", "Day", "Price", "Total", "Note"),
      List.of(ColumnKind.INTEGER, ColumnKind.DATE, ColumnKind.EXACT_NUMBER, ColumnKind.NUMBER, ColumnKind.TEXT));

  Xlsx write(int maxRows, String[]... rows) throws Exception {
    Path p = dir.resolve("t.xlsx");
    try (OutputStream out = Files.newOutputStream(p); XlsxWriter w = new XlsxWriter(out, SPEC, maxRows)) {
      for (String[] r : rows) {
        w.row(r);
      }
    }
    return Xlsx.read(p);
  }

  @Test
  void numbersAreNumbersAndExactTextStandsBesideWhatExcelCannotHold() throws Exception {
    Xlsx x = write(10, new String[] {"1", "2026-03-05", "0.017845836214383695", "12345678901234567.5", "a"},
        new String[] {"2", "2026-03-06", "0.50", "0.36", "b"});
    assertThat(x.sheets().get(0).get(0).values()).extracting(Xlsx.Cell::value)
        .containsExactly("Line", "Day", "Price", "PriceExact", "Total", "Note");
    assertThat(x.cell(0, 1, "Line")).isEqualTo(new Xlsx.Cell("n", "1", ""));
    assertThat(x.cell(0, 1, "Day").type()).isEqualTo("n");
    assertThat(x.cell(0, 1, "Day").value()).isEqualTo("46086");
    assertThat(x.numberFormat(x.cell(0, 1, "Day"))).isEqualTo("yyyy-mm-dd");
    assertThat(x.numberFormat(x.cell(0, 1, "Line"))).isEqualTo("builtin 0");
    assertThat(x.cell(0, 1, "Price")).isEqualTo(new Xlsx.Cell("n", "0.0178458362143837", ""));
    assertThat(x.cell(0, 1, "PriceExact")).isEqualTo(new Xlsx.Cell("inlineStr", "0.017845836214383695", ""));
    assertThat(x.cell(0, 1, "Total")).isEqualTo(new Xlsx.Cell("inlineStr", "12345678901234567.5", ""));
    assertThat(x.cell(0, 2, "Price")).isEqualTo(new Xlsx.Cell("n", "0.5", ""));
    assertThat(x.cell(0, 2, "PriceExact")).isNull();
    assertThat(x.cell(0, 2, "Total").value()).isEqualTo("0.36");
  }

  @Test
  void headerIsBoldAndFrozenAndWholeNumbersStayPlain() throws Exception {
    Xlsx x = write(10, new String[] {"100", "2026-03-05", "1200", "-0.000001", "a"});
    assertThat(x.sheets().get(0).get(0).values()).allSatisfy(c -> assertThat(x.isBold(c)).isTrue());
    assertThat(x.isBold(x.cell(0, 1, "Note"))).isFalse();
    assertThat(x.parts().get("xl/worksheets/sheet1.xml")).contains("ySplit=\"1\"").contains("state=\"frozen\"");
    assertThat(x.cell(0, 1, "Line").value()).isEqualTo("100");
    assertThat(x.cell(0, 1, "Price").value()).isEqualTo("1200");
    assertThat(new BigDecimal(x.cell(0, 1, "Total").value())).isEqualByComparingTo("-0.000001");
  }

  @Test
  void rowsStreamThroughFlushesInOrderAndNoneIsLost() throws Exception {
    int n = XlsxWriter.FLUSH_ROWS * 2 + 7;
    String[][] rows = new String[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new String[] {Integer.toString(i + 1), "", "", "", "t" + i};
    }
    Xlsx x = write(XlsxWriter.FLUSH_ROWS * 2, rows);
    assertThat(x.sheets()).extracting(List::size).containsExactly(XlsxWriter.FLUSH_ROWS * 2 + 1, 8);
    for (int i = 1; i <= XlsxWriter.FLUSH_ROWS * 2; i++) {
      assertThat(x.cell(0, i, "Line").value()).isEqualTo(Integer.toString(i));
      assertThat(x.cell(0, i, "Note").value()).isEqualTo("t" + (i - 1));
    }
    assertThat(x.cell(1, 7, "Line").value()).isEqualTo(Integer.toString(n));
  }

  @Test
  void cellsThatDoNotReadAsTheirKindAreText() throws Exception {
    Xlsx x = write(10, new String[] {"7", "3/5/2026", "abc", "", "=HYPERLINK(\"x\")"});
    assertThat(x.cell(0, 1, "Day")).isEqualTo(new Xlsx.Cell("inlineStr", "3/5/2026", ""));
    assertThat(x.cell(0, 1, "Price")).isEqualTo(new Xlsx.Cell("inlineStr", "abc", ""));
    assertThat(x.cell(0, 1, "Total")).isNull();
    assertThat(x.cell(0, 1, "Note")).isEqualTo(new Xlsx.Cell("inlineStr", "=HYPERLINK(\"x\")", ""));
    assertThat(x.parts().get("xl/worksheets/sheet1.xml")).doesNotContain("<f>");
  }

  @Test
  void beyondTheRowLimitTheTableGoesOnOnANewSheetWithItsHeader() throws Exception {
    String[][] rows = new String[5][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new String[] {Integer.toString(i + 1), "2026-03-05", "1", "1", "n"};
    }
    Xlsx x = write(2, rows);
    assertThat(x.sheetNames()).containsExactly("credit", "credit (2)", "credit (3)");
    assertThat(x.sheets()).extracting(List::size).containsExactly(3, 3, 2);
    assertThat(x.cell(1, 1, "Line").value()).isEqualTo("3");
    assertThat(x.cell(2, 1, "Line").value()).isEqualTo("5");
    assertThat(x.parts().get("[Content_Types].xml")).contains("/xl/worksheets/sheet3.xml");
    assertThat(XlsxWriter.MAX_DATA_ROWS).isEqualTo(1_048_576 - 1);
  }

  @Test
  void markupControlCharactersAndEscapeLookalikesSurvive() throws Exception {
    String text = "a<b>&c\u0001d_x0041_e";
    Xlsx x = write(10, new String[] {"1", "", "", "", text});
    assertThat(x.parts().get("xl/worksheets/sheet1.xml")).contains("a&lt;b&gt;&amp;c_x0001_d_x005F_x0041_e");
    assertThat(XlsxWriter.escape("x".repeat(40_000))).hasSize(XlsxWriter.MAX_CELL_TEXT).endsWith("…");
  }

  @Test
  void excelCsvHasBomSemicolonsDecimalCommasAndCrlf() {
    java.io.StringWriter w = new java.io.StringWriter();
    try (DelimitedWriter d = DelimitedWriter.excel(w, SPEC)) {
      d.row(new String[] {"1", "2026-03-05", "0.5", "-12.25", "x;y 1.5"});
    }
    assertThat(w.toString()).isEqualTo("\uFEFFLine;Day;Price;Total;Note\r\n1;2026-03-05;0,5;-12,25;\"x;y 1.5\"\r\n");
  }
}
