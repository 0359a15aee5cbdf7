package org.openpec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Qt.qt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The same usage written as CSV and as JSON Lines reads alike: the same records readable, with equal lines, and
 * the same records rejected for the same reason (the JSON message names the field in camelCase, and its column is
 * a character column).
 */
class UsageSourceProperties {

  private static final String[] COLUMNS = UsageReaderTest.HEADER.split(",");
  private static final String[] IDS = {"C1", " C2 ", "", "P", "x,y", "a\"b", "=cmd()", "\uFEFFid"};
  private static final String[] DAYS = {"2026-03-05", "3/5/2026", "2026-02-30", "", "2026-03-05T23:30:00-02:00",
      "31/3/2026"};
  private static final String[] NUMBERS = {"24", "0.50", "-3", "1E+3", ".5", "12,5", "abc", "", "1E+99999",
      "0.0209951014286867", "+24.", "2.5e-3"};
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final JsonFactory JSON = JsonFactory.builder().build();

  @TempDir
  Path dir;

  private static String[] pool(String column) {
    return switch (column) {
      case "UsageDate" -> DAYS;
      case "Quantity", "UnitPrice", "PCToBCExchangeRate" -> NUMBERS;
      default -> IDS;
    };
  }

  private static Gen<List<List<Integer>>> records() {
    Gen<List<Integer>> record = SourceDSL.lists().of(SourceDSL.integers().between(0, 11))
        .ofSize(COLUMNS.length);
    return SourceDSL.lists().of(record).ofSizeBetween(1, 8);
  }

  private static String value(String column, int pick) {
    String[] pool = pool(column);
    return pool[pick % pool.length];
  }

  private static String csv(List<List<Integer>> records) {
    StringBuilder sb = new StringBuilder(UsageReaderTest.HEADER).append('\n');
    for (List<Integer> r : records) {
      for (int i = 0; i < COLUMNS.length; i++) {
        String v = value(COLUMNS[i], r.get(i));
        sb.append(i == 0 ? "" : ",").append(v.contains(",") || v.contains("\"")
            ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String jsonLines(List<List<Integer>> records) {
    StringBuilder sb = new StringBuilder();
    for (List<Integer> r : records) {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = JSON.createGenerator(w)) {
        g.writeStartObject();
        for (int i = 0; i < COLUMNS.length; i++) {
          String v = value(COLUMNS[i], r.get(i));
          g.writeFieldName(JsonUsageReader.jsonName(COLUMNS[i]));
          if (pool(COLUMNS[i]) == NUMBERS && JSON_NUMBER.matcher(v).matches()) {
            g.writeNumber(v);
          } else {
            g.writeString(v);
          }
        }
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sb.append(w).append('\n');
    }
    return sb.toString();
  }

  private List<UsageRecord> read(String name, String text) {
    try {
      Path p = Files.writeString(dir.resolve(name), text);
      List<UsageRecord> out = new ArrayList<>();
      try (UsageReader r = UsageSource.of(List.of(p.toString())).open()) {
        r.forEachRemaining(out::add);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void csvAndJsonLinesOfTheSameUsageReadAlike() {
    qt().forAll(records()).checkAssert(records -> {
      List<UsageRecord> csv = read("u.csv", csv(records));
      List<UsageRecord> json = read("u.jsonl", jsonLines(records));
      assertThat(json).hasSameSizeAs(csv);
      for (int i = 0; i < csv.size(); i++) {
        UsageRecord c = csv.get(i);
        UsageRecord j = json.get(i);
        assertThat(j.recordNumber()).isEqualTo(c.recordNumber());
        assertThat(j.isRejected()).as("record %d rejected: csv %s, json %s", i + 1, c, j).isEqualTo(c.isRejected());
        if (c.isRejected()) {
          assertThat(j.problem().orElseThrow().message().toLowerCase(Locale.ROOT))
              .isEqualTo(c.problem().orElseThrow().message().toLowerCase(Locale.ROOT));
          assertThat(j.problem().orElseThrow().line()).isEqualTo(i + 1);
        } else {
          assertThat(j.line()).isEqualTo(c.line());
        }
        for (String column : COLUMNS) {
          assertThat(j.field(column)).isEqualTo(c.field(column));
        }
      }
    });
  }
}
