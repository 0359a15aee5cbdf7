package org.openpec.examples.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openpec.CreditStatement;
import org.openpec.PecCalculator;
import org.openpec.examples.cli.PecCommand;
import org.openpec.internal.io.CreditCsv;
import org.openpec.io.SideFiles;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRun;

/**
 * The openpec side of the suite: (a) CSV in → statement, (b) CSV in → {@code credit} CSV out through the
 * {@code pec credit} command itself, and (c) the parse-only floor, FastCSV reading every field of every record.
 */
final class OpenpecRuns {

  private OpenpecRuns() {}

  /**
   * The calculator {@code pec credit} builds from the month's side files: grants, price list (not repriced),
   * partners, union coverage, the standard rule and rate.
   */
  static PecCalculator calculator(BenchMonth m) {
    return calculator(m, org.openpec.rules.Rules.standard());
  }

  /** The calculator of the month's side files with {@code rule}. */
  static PecCalculator calculator(BenchMonth m, org.openpec.rules.EligibilityRule rule) {
    return PecCalculator.builder()
        .rule(rule)
        .addAllGrants(SideFiles.grants(m.grants()).value())
        .priceList(SideFiles.priceList(m.prices(), false).value())
        .partners(SideFiles.partners(m.partners()).value())
        .build();
  }

  /**
   * (a) End to end, CSV in → statement: loads the side files, then evaluates every record with the parallel
   * {@link UsageRun} on {@code threads} workers, keeping nothing but the statement.
   */
  static EngineFigures statement(BenchMonth m, int threads) {
    PecCalculator pec = calculator(m);
    CreditStatement s;
    try (UsageReader reader = UsageReader.open(m.usage())) {
      s = UsageRun.run(reader, UsageRun.byLine(pec::evaluate), o -> null, o -> { }, threads);
    }
    return EngineFigures.of("openpec (a)", s);
  }

  /**
   * (b) End to end, CSV in → credit CSV out: runs {@code pec credit --out F --summary J} in this JVM (the
   * command's own code path, default threads), then reads the statement back from the JSON summary.
   *
   * @throws IllegalStateException when the command does not exit 0
   */
  static EngineFigures creditCommand(BenchMonth m, Path out, Path summary) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int status = PecCommand.commandLine(new PrintWriter(stdout), new PrintWriter(stderr)).execute("credit",
        "--usage", m.usage().toString(), "--grants", m.grants().toString(), "--prices", m.prices().toString(),
        "--partners", m.partners().toString(), "--out", out.toString(), "--summary", summary.toString());
    if (status != 0) {
      throw new IllegalStateException("pec credit exited " + status + ": " + stderr);
    }
    return fromSummary("openpec (b)", summary);
  }

  /** The figures of a {@code credit --summary} JSON file. */
  @SuppressWarnings("unchecked")
  static EngineFigures fromSummary(String engine, Path summary) {
    Map<String, Object> json;
    try (JsonParser p = new JsonFactory().createParser(summary.toFile())) {
      p.nextToken();
      json = (Map<String, Object>) value(p);
    } catch (IOException e) {
      throw new UncheckedIOException(summary + ": cannot read the summary", e);
    }
    Map<String, Object> reasons = (Map<String, Object>) json.get("linesByReason");
    SortedMap<String, EngineFigures.Money> money = new TreeMap<>();
    for (Object section : (List<Object>) json.get("currencies")) {
      Map<String, Object> c = (Map<String, Object>) section;
      Map<String, Object> t = (Map<String, Object>) c.get("total");
      money.put((String) c.get("billingCurrency"), new EngineFigures.Money((Long) t.get("lines"),
          decimal(t, "listCost"), decimal(t, "pricingPreTaxTotal"), decimal(t, "credit"),
          decimal(t, "billingPreTaxTotal"), decimal(t, "billingCredit")));
    }
    return new EngineFigures(engine, (Long) json.get("records"), (Long) json.get("rejected"),
        (Long) reasons.getOrDefault("ELIGIBLE", 0L), money);
  }

  private static BigDecimal decimal(Map<String, Object> t, String name) {
    return new BigDecimal((String) t.get(name));
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> items = new java.util.ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p));
        }
        return items;
      }
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_STRING:
        return p.getText();
      default:
        p.skipChildren();
        return null;
    }
  }

  /**
   * The figures of a {@code credit} CSV itself, summed row by row (untimed): a check that the written table
   * holds what the summary says.
   */
  static EngineFigures fromCreditCsv(String engine, Path csv) {
    List<String> header = CreditCsv.HEADER;
    int reason = header.indexOf("Reason");
    int currency = header.indexOf("BillingCurrency");
    int[] amount = {header.indexOf("ListCost"), header.indexOf("PricingPreTaxTotal"), header.indexOf("Credit"),
        header.indexOf("BillingPreTaxTotal"), header.indexOf("BillingCredit")};
    long records = 0;
    long rejected = 0;
    long eligible = 0;
    Map<String, long[]> lines = new TreeMap<>();
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    try (InputStream in = Files.newInputStream(csv);
        CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
      boolean first = true;
      for (CsvRecord rec : r) {
        if (first) {
          first = false;
          if (!rec.getFields().equals(header)) {
            throw new IllegalStateException(csv + ": unexpected header " + rec.getFields());
          }
          continue;
        }
        records++;
        String why = rec.getField(reason);
        if (why.equals("REJECTED")) {
          rejected++;
          continue;
        }
        if (why.equals("ELIGIBLE")) {
          eligible++;
        }
        String c = rec.getField(currency);
        lines.computeIfAbsent(c, k -> new long[1])[0]++;
        BigDecimal[] s = sums.computeIfAbsent(c, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        for (int i = 0; i < amount.length; i++) {
          s[i] = s[i].add(new BigDecimal(rec.getField(amount[i])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(csv + ": cannot read", e);
    }
    SortedMap<String, EngineFigures.Money> money = new TreeMap<>();
    for (Map.Entry<String, BigDecimal[]> e : sums.entrySet()) {
      BigDecimal[] s = e.getValue();
      money.put(e.getKey(), new EngineFigures.Money(lines.get(e.getKey())[0], s[0], s[1], s[2], s[3], s[4]));
    }
    return new EngineFigures(engine, records, rejected, eligible, money);
  }

  /**
   * (c) The parse-only floor: FastCSV, configured as openpec's reader configures it, reads every record of the
   * usage file and every field is touched (its length and first character folded into a checksum that is
   * returned, so nothing can be optimised away). No other work.
   *
   * @return the number of records after the header, and the checksum
   */
  static long[] parseFloor(Path usage) {
    long records = -1;
    long checksum = 0;
    try (InputStream in = Files.newInputStream(usage);
        CsvReader<CsvRecord> r = CsvReader.builder()
            .detectBomHeader(true)
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .allowExtraCharsAfterClosingQuote(true)
            .allowUnclosedQuote(true)
            .ofCsvRecord(in, StandardCharsets.UTF_8)) {
      for (CsvRecord rec : r) {
        int n = rec.getFieldCount();
        for (int i = 0; i < n; i++) {
          String f = rec.getField(i);
          checksum = checksum * 31 + f.length() + (f.isEmpty() ? 0 : f.charAt(0));
        }
        records++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(usage + ": cannot read", e);
    }
    return new long[] {records, checksum};
  }
}
