package org.openpec.examples.format;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads back a workbook in tests: every part must be well-formed XML; sheets as rows of typed cells. Text may be
 * inline ({@code inlineStr}) or shared ({@code s}, an index into {@code xl/sharedStrings.xml}): a shared string is
 * read as its text, so a cell's value is always what Excel shows.
 */
public record Xlsx(List<String> sheetNames, List<List<Map<String, Cell>>> sheets, Map<String, String> parts,
    List<String> numberFormats, List<Boolean> boldStyles) {

  /**
   * A cell: its type ({@code n} number, {@code inlineStr} or {@code s} text), the value (for shared text, the
   * text itself), its style index.
   */
  public record Cell(String type, String value, String style) {
    public boolean isNumber() {
      return type.equals("n");
    }

    public boolean isText() {
      return type.equals("inlineStr") || type.equals("s");
    }
  }

  /** Reads {@code file}, parsing every XML part. */
  public static Xlsx read(Path file) throws Exception {
    Map<String, String> parts = new LinkedHashMap<>();
    Map<String, Document> docs = new HashMap<>();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          byte[] bytes = in.readAllBytes();
          parts.put(e.getName(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
          docs.put(e.getName(), f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(bytes)));
        }
      }
    }
    List<String> shared = new ArrayList<>();
    if (docs.containsKey("xl/sharedStrings.xml")) {
      NodeList si = docs.get("xl/sharedStrings.xml").getElementsByTagNameNS("*", "si");
      for (int i = 0; i < si.getLength(); i++) {
        shared.add(si.item(i).getTextContent());
      }
    }
    List<String> formats = new ArrayList<>();
    List<Boolean> bold = new ArrayList<>();
    Document styles = docs.get("xl/styles.xml");
    Map<String, String> formatCodes = new HashMap<>();
    NodeList numFmts = styles.getElementsByTagNameNS("*", "numFmt");
    for (int i = 0; i < numFmts.getLength(); i++) {
      Element e = (Element) numFmts.item(i);
      formatCodes.put(e.getAttribute("numFmtId"), e.getAttribute("formatCode"));
    }
    NodeList fonts = styles.getElementsByTagNameNS("*", "font");
    Element cellXfs = (Element) styles.getElementsByTagNameNS("*", "cellXfs").item(0);
    NodeList xfs = cellXfs.getElementsByTagNameNS("*", "xf");
    for (int i = 0; i < xfs.getLength(); i++) {
      Element xf = (Element) xfs.item(i);
      formats.add(formatCodes.getOrDefault(xf.getAttribute("numFmtId"), "builtin " + xf.getAttribute("numFmtId")));
      String font = xf.getAttribute("fontId");
      bold.add(((Element) fonts.item(font.isEmpty() ? 0 : Integer.parseInt(font)))
          .getElementsByTagNameNS("*", "b").getLength() > 0);
    }
    Document wb = docs.get("xl/workbook.xml");
    NodeList sheetNodes = wb.getElementsByTagNameNS("*", "sheet");
    List<String> names = new ArrayList<>();
    List<List<Map<String, Cell>>> sheets = new ArrayList<>();
    for (int i = 0; i < sheetNodes.getLength(); i++) {
      names.add(((Element) sheetNodes.item(i)).getAttribute("name"));
      Document sheet = docs.get("xl/worksheets/sheet" + (i + 1) + ".xml");
      List<Map<String, Cell>> rows = new ArrayList<>();
      NodeList rowNodes = sheet.getElementsByTagNameNS("*", "row");
      for (int r = 0; r < rowNodes.getLength(); r++) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        NodeList cs = ((Element) rowNodes.item(r)).getElementsByTagNameNS("*", "c");
        for (int c = 0; c < cs.getLength(); c++) {
          Element cell = (Element) cs.item(c);
          String ref = cell.getAttribute("r").replaceAll("[0-9]", "");
          String type = cell.getAttribute("t").isEmpty() ? "n" : cell.getAttribute("t");
          String value = type.equals("inlineStr") ? cell.getElementsByTagNameNS("*", "t").item(0).getTextContent()
              : cell.getElementsByTagNameNS("*", "v").item(0).getTextContent();
          if (type.equals("s")) {
            value = shared.get(Integer.parseInt(value));
          }
          cells.put(ref, new Cell(type, value, cell.getAttribute("s")));
        }
        rows.add(cells);
      }
      sheets.add(rows);
    }
    return new Xlsx(names, sheets, parts, formats, bold);
  }

  /** The number format a cell shows with: its style's format code ({@code builtin 0} when none is set). */
  public String numberFormat(Cell cell) {
    return numberFormats.get(cell.style().isEmpty() ? 0 : Integer.parseInt(cell.style()));
  }

  /** Whether a cell's style has a bold font. */
  public boolean isBold(Cell cell) {
    return boldStyles.get(cell.style().isEmpty() ? 0 : Integer.parseInt(cell.style()));
  }

  /** The cell of sheet {@code sheet} (0-based), data row {@code row} (1 = first after the header), column by header name. */
  public Cell cell(int sheet, int row, String column) {
    Map<String, Cell> header = sheets.get(sheet).get(0);
    String ref = header.entrySet().stream().filter(e -> e.getValue().value().equals(column)).map(Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no column " + column));
    return sheets.get(sheet).get(row).get(ref);
  }

}
