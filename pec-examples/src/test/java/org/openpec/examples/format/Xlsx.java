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

/** Reads back a workbook in tests: every part must be well-formed XML; sheets as rows of typed cells. */
public record Xlsx(List<String> sheetNames, List<List<Map<String, Cell>>> sheets, Map<String, String> parts) {

  /** A cell: its type ({@code n} number, {@code inlineStr} text), the value as written, its style index. */
  public record Cell(String type, String value, String style) {
    public boolean isNumber() {
      return type.equals("n");
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
          cells.put(ref, new Cell(type, value, cell.getAttribute("s")));
        }
        rows.add(cells);
      }
      sheets.add(rows);
    }
    return new Xlsx(names, sheets, parts);
  }

  /** The cell of sheet {@code sheet} (0-based), data row {@code row} (1 = first after the header), column by header name. */
  public Cell cell(int sheet, int row, String column) {
    Map<String, Cell> header = sheets.get(sheet).get(0);
    String ref = header.entrySet().stream().filter(e -> e.getValue().value().equals(column)).map(Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no column " + column));
    return sheets.get(sheet).get(row).get(ref);
  }

}
