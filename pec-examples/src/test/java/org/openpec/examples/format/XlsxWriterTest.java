package org.openpec.examples.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
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
    assertThat(x.cell(0, 1, "Day")).isEqualTo(new Xlsx.Cell("n", "46086", "2"));
    assertThat(x.cell(0, 1, "Price")).isEqualTo(new Xlsx.Cell("n", "0.0178458362143837", ""));
    assertThat(x.cell(0, 1, "PriceExact")).isEqualTo(new Xlsx.Cell("inlineStr", "0.017845836214383695", ""));
    assertThat(x.cell(0, 1, "Total")).isEqualTo(new Xlsx.Cell("inlineStr", "12345678901234567.5", ""));
    assertThat(x.cell(0, 2, "Price")).isEqualTo(new Xlsx.Cell("n", "0.5", ""));
    assertThat(x.cell(0, 2, "PriceExact")).isNull();
    assertThat(x.cell(0, 2, "Total").value()).isEqualTo("0.36");
  }

  @Test
  void cellsThatDoNotReadAsTheirKindAreText() throws Exception {
    Xlsx x = write(10, new String[] {"7", "3/5/2026", "abc", "", "=HYPERLINK(\"x\")"});
    assertThat(x.cell(0, 1, "Day")).isEqualTo(new Xlsx.Cell("inlineStr", "3/5/2026", ""));
    assertThat(x.cell(0, 1, "Price")).isEqualTo(new Xlsx.Cell("inlineStr", "abc", ""));
    assertThat(x.cell(0, 1, "Total")).isNull();
    assertThat(x.cell(0, 1, "Note").type()).isEqualTo("inlineStr");
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
  void columnLettersGoPastZ() {
    assertThat(XlsxWriter.columnLetters(0)).isEqualTo("A");
    assertThat(XlsxWriter.columnLetters(25)).isEqualTo("Z");
    assertThat(XlsxWriter.columnLetters(26)).isEqualTo("AA");
    assertThat(XlsxWriter.columnLetters(52)).isEqualTo("BA");
    assertThat(XlsxWriter.columnLetters(701)).isEqualTo("ZZ");
    assertThat(XlsxWriter.columnLetters(702)).isEqualTo("AAA");
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
