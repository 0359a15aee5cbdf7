package org.openpec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpec.access.AccessImport;
import org.openpec.access.ActivityLog;
import org.openpec.access.PrincipalDirectory;
import org.openpec.access.RoleAssignmentSnapshot;
import org.openpec.model.AccessGrant;
import org.openpec.model.PriceList;

/**
 * Structure-aware fuzzing of every reader: the usage file, each side file (grants, prices, partners, rates,
 * hierarchy, principals) and the JSON imports (Activity Log, role-assignment listings).
 *
 * <p>Each input starts from the reader's real header (columns shuffled, re-cased, sometimes dropped or doubled)
 * and rows of cells drawn from valid values and a pool of hostile ones (formulas, control characters, NUL,
 * quotes and line breaks, lone surrogates, huge fields, billion-digit exponents, undocumented dates, malformed
 * scopes); half the inputs are then mutated as bytes (flips, truncations, inserted quotes and line breaks,
 * invalid UTF-8). Invariants: no exception but {@link InputException} (a file-level problem naming the file),
 * and no lost record: a well-formed input yields exactly one outcome (a value or a reported problem) per record
 * written; a mutated one at least one per record an independent CSV parse finds, at most one per physical line.
 *
 * <p>The number of inputs is {@code -Dfuzz.inputs=N} over all readers (default 2,700: seconds, as part of
 * {@code mvn verify}); {@code mvn -pl pec-core -am -Pfuzz test} runs 1,000,000. {@code -Dfuzz.seed=S} replays a
 * run; a failure names the reader, the seed and the input's index.
 */
class InputFuzzTest {

  private static final long INPUTS = Long.getLong("fuzz.inputs", 2_700);
  private static final long SEED = Long.getLong("fuzz.seed", 20261204L);

  enum Target {
    USAGE, GRANTS, PRICES, PARTNERS, RATES, HIERARCHY, PRINCIPALS, ACTIVITY_LOG, SNAPSHOT
  }

  /** How a cell of a column is made valid. */
  enum Kind {
    TEXT, DAY, INSTANT, NUMBER, PERCENT, SCOPE, ASSIGNMENT, CURRENCY, GROUPS, ROLE
  }

  record Column(String name, Kind kind) {}

  private static List<Column> columns(Target t) {
    return switch (t) {
      case USAGE -> List.of(c("CustomerId", Kind.TEXT), c("MpnId", Kind.TEXT), c("SubscriptionId", Kind.TEXT),
          c("EntitlementId", Kind.TEXT), c("UsageDate", Kind.DAY), c("ProductId", Kind.TEXT), c("SkuId", Kind.TEXT),
          c("MeterId", Kind.TEXT), c("ResourceURI", Kind.SCOPE), c("Quantity", Kind.NUMBER),
          c("UnitPrice", Kind.NUMBER), c("PricingCurrency", Kind.CURRENCY), c("BillingCurrency", Kind.CURRENCY),
          c("PCToBCExchangeRate", Kind.NUMBER), c("Tier2MpnId", Kind.TEXT), c("PublisherName", Kind.TEXT),
          c("MeterName", Kind.TEXT), c("BenefitType", Kind.TEXT), c("ChargeType", Kind.TEXT),
          c("PartnerEarnedCreditPercentage", Kind.PERCENT), c("EffectiveUnitPrice", Kind.NUMBER),
          c("BillingPreTaxTotal", Kind.NUMBER));
      case GRANTS -> List.of(c("GrantId", Kind.TEXT), c("PartnerId", Kind.TEXT), c("Channel", Kind.TEXT),
          c("PrincipalId", Kind.TEXT), c("PrincipalType", Kind.TEXT), c("RoleDefinitionId", Kind.TEXT),
          c("RoleName", Kind.ROLE), c("Scope", Kind.SCOPE), c("Assignment", Kind.ASSIGNMENT),
          c("GrantedAt", Kind.INSTANT), c("RevokedAt", Kind.INSTANT));
      case PRICES -> List.of(c("ProductId", Kind.TEXT), c("SkuId", Kind.TEXT), c("SkuTitle", Kind.TEXT),
          c("Currency", Kind.CURRENCY), c("UnitPrice", Kind.NUMBER), c("PricingTierRangeMin", Kind.NUMBER),
          c("PricingTierRangeMax", Kind.NUMBER), c("EffectiveStartDate", Kind.DAY), c("EffectiveEndDate", Kind.DAY),
          c("MeterIds", Kind.TEXT), c("Tags", Kind.TEXT));
      case PARTNERS -> List.of(c("PartnerId", Kind.TEXT), c("OrganizationId", Kind.TEXT),
          c("AgreementStart", Kind.DAY), c("AgreementEnd", Kind.DAY));
      case RATES -> List.of(c("EffectiveFrom", Kind.DAY), c("Percentage", Kind.PERCENT));
      case HIERARCHY -> List.of(c("SubscriptionId", Kind.TEXT), c("ManagementGroups", Kind.GROUPS));
      case PRINCIPALS -> List.of(c("PrincipalId", Kind.TEXT), c("PartnerId", Kind.TEXT), c("Channel", Kind.TEXT));
      default -> List.of();
    };
  }

  private static Column c(String name, Kind kind) {
    return new Column(name, kind);
  }

  /** Hostile cells, whatever the column. */
  private static final String[] HOSTILE = {"", " ", "=HYPERLINK(\"http://e.example\")", "+1", "-x", "@SUM(A1)",
      "'=x", "\u0000", "a\u0000b", "\u001b]0;forged\u0007", "\u001b[31m", "a\nb", "a\r\nb", "\r", "\"", "\"\"",
      "a\"b", ",", ";", "\uFEFF", "\uD800", "\uDFFF", "é", "Sociètè", "\uD835\uDD18", "\u212A", "\u0130",
      "\u2028", "1e999999999", "1E-999999999", "-0", "NaN", "Infinity", "0x10", "1,5", "\uFF11\uFF12", "1 000",
      "+99999-01-01", "-2026-03-01", "0000-01-01", "3/1/2026 25:00:00 PM", "2026-02-30", "2026-03-01T25:00:00Z",
      "+999999999-12-31", "2026-03-01T10:00:00[Europe/Paris]", "/subscriptions/", "/subscriptions/S/../T", "//",
      "/", "..", "subscriptions/S", "/subscriptions//resourceGroups/g", "ACTIVE", "eligible", "MAYBE", "Owner",
      "b24988ac-6180-42a0-ab88-20f7382dd24c", "root//a", "/", "null", "true", "{}", "[]", "\\", "%s%n", "${jndi:x}"};

  private static String hostile(SplittableRandom r) {
    if (r.nextInt(100) == 0) {
      return "\"".repeat(1 + r.nextInt(50));
    }
    return HOSTILE[r.nextInt(HOSTILE.length)];
  }

  /** A huge cell, for one input in a few hundred: a 1 MiB field or a number of thousands of digits. */
  private static String huge(SplittableRandom r) {
    return r.nextInt(4) == 0 ? "x".repeat(1 << 20) : (r.nextBoolean() ? "9" : "0.").repeat(2_000 + r.nextInt(8_000));
  }

  private static String valid(Kind kind, SplittableRandom r) {
    int d = 1 + r.nextInt(28);
    return switch (kind) {
      case TEXT -> "id" + r.nextInt(r.nextBoolean() ? 8 : 100_000);
      case DAY -> switch (r.nextInt(3)) {
        case 0 -> String.format("2026-03-%02d", d);
        case 1 -> "3/" + d + "/2026";
        default -> String.format("2026-03-%02dT10:00:00Z", d);
      };
      case INSTANT -> String.format("2026-03-%02dT%02d:00:00Z", d, r.nextInt(24));
      case NUMBER -> (r.nextBoolean() ? "" : "-") + r.nextInt(1000) + "." + r.nextInt(100);
      case PERCENT -> r.nextBoolean() ? "15" : String.valueOf(r.nextInt(101));
      case SCOPE -> r.nextBoolean() ? "/subscriptions/S" + r.nextInt(3) : "/subscriptions/S/resourceGroups/rg"
          + r.nextInt(3);
      case ASSIGNMENT -> r.nextBoolean() ? "ACTIVE" : r.nextBoolean() ? "ELIGIBLE" : "";
      case CURRENCY -> r.nextInt(4) == 0 ? "EUR" : "USD";
      case GROUPS -> "root/g" + r.nextInt(3);
      case ROLE -> r.nextBoolean() ? "Owner" : "Reader";
    };
  }

  private static String cell(Kind kind, SplittableRandom r) {
    return r.nextInt(10) < 7 ? valid(kind, r) : hostile(r);
  }

  /** RFC 4180 quoting of one cell. */
  private static void appendCell(StringBuilder sb, String v) {
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      sb.append('"').append(v.replace("\"", "\"\"")).append('"');
    } else {
      sb.append(v);
    }
  }

  /** A CSV input: text and the number of records written after the header. */
  record Csv(String text, int records) {}

  private static Csv csv(Target t, SplittableRandom r) {
    List<Column> cols = new ArrayList<>(columns(t));
    // header: shuffled, re-cased, now and then a column dropped or doubled
    for (int i = cols.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      Column x = cols.get(i);
      cols.set(i, cols.get(j));
      cols.set(j, x);
    }
    if (r.nextInt(20) == 0) {
      cols.remove(r.nextInt(cols.size()));
    }
    if (r.nextInt(20) == 0) {
      cols.add(cols.get(r.nextInt(cols.size())));
    }
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(10) == 0) {
      sb.append('\uFEFF');
    }
    for (int i = 0; i < cols.size(); i++) {
      String name = cols.get(i).name();
      sb.append(i == 0 ? "" : ",").append(r.nextInt(10) == 0 ? name.toUpperCase(java.util.Locale.ROOT) : name);
    }
    sb.append(r.nextBoolean() ? "\n" : "\r\n");
    int rows = r.nextInt(12);
    int hugeRow = r.nextInt(200) == 0 ? r.nextInt(Math.max(1, rows)) : -1;
    for (int n = 0; n < rows; n++) {
      int width = cols.size();
      int roll = r.nextInt(30);
      if (roll == 0) {
        width = Math.max(1, width - 1 - r.nextInt(width)); // too few fields
      } else if (roll == 1) {
        width = width + 1 + r.nextInt(3); // too many fields
      }
      for (int i = 0; i < width; i++) {
        if (i > 0) {
          sb.append(',');
        }
        appendCell(sb, n == hugeRow && i == 0 ? huge(r) : i < cols.size() ? cell(cols.get(i).kind(), r) : hostile(r));
      }
      if (width == 1 && sb.charAt(sb.length() - 1) == '\n') {
        sb.append("x"); // a one-field record made only of blank text would be an empty line, not a record
      }
      sb.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
      if (r.nextInt(15) == 0) {
        sb.append(r.nextBoolean() ? "\n" : "\r\n"); // empty lines are neither records nor numbered
      }
    }
    return new Csv(sb.toString(), rows);
  }

  /** The records after the header, as an independent parse with the readers' settings finds them; -1 if none. */
  static int countRecords(byte[] bytes) {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).skipEmptyLines(true)
        .allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(true)
        .allowUnclosedQuote(true).ofCsvRecord(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      int n = -1;
      for (CsvRecord ignored : reader) {
        n++;
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return -2; // the parser itself refuses (e.g. a field over its limit): the reader must say so, not crash
    }
  }

  /** Mutates bytes: flips, truncation, inserted quotes, line breaks and invalid UTF-8, a doubled region. */
  private static byte[] mutate(byte[] in, SplittableRandom r) {
    byte[] b = in;
    int mutations = 1 + r.nextInt(3);
    for (int m = 0; m < mutations && b.length > 0; m++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(5)) {
        case 0 -> {
          b = b.clone();
          b[at] = (byte) r.nextInt(256);
        }
        case 1 -> b = Arrays.copyOf(b, at);
        case 2 -> {
          byte[] chunk = switch (r.nextInt(6)) {
            case 0 -> new byte[] {'"'};
            case 1 -> new byte[] {'\n'};
            case 2 -> new byte[] {','};
            case 3 -> new byte[] {(byte) 0xC3};
            case 4 -> new byte[] {(byte) 0xFF, (byte) 0xFE};
            default -> new byte[] {0};
          };
          byte[] out = new byte[b.length + chunk.length];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(chunk, 0, out, at, chunk.length);
          System.arraycopy(b, at, out, at + chunk.length, b.length - at);
          b = out;
        }
        case 3 -> {
          int len = Math.min(b.length - at, 1 + r.nextInt(64));
          byte[] out = new byte[b.length + len];
          System.arraycopy(b, 0, out, 0, at + len);
          System.arraycopy(b, at, out, at + len, b.length - at);
          b = out;
        }
        default -> {
          int len = Math.min(b.length - at, 1 + r.nextInt(16));
          byte[] out = new byte[b.length - len];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, at + len, out, at, b.length - at - len);
          b = out;
        }
      }
    }
    return b;
  }

  private static int physicalLines(byte[] b) {
    int n = 1;
    for (byte x : b) {
      if (x == '\n' || x == '\r') {
        n++;
      }
    }
    return n;
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void everyRecordIsAccountedForAndNothingCrashes(Target target) throws IOException {
    long budget = Math.max(1, (INPUTS + Target.values().length - 1) / Target.values().length);
    Path file = Path.of(target.name().toLowerCase(java.util.Locale.ROOT) + ".in");
    long fileLevel = 0;
    long started = System.nanoTime();
    for (long i = 0; i < budget; i++) {
      SplittableRandom r = new SplittableRandom(SEED * 31 + target.ordinal() * 1_000_003L + i);
      String where = target + " seed " + SEED + " input " + i;
      try {
        if (target == Target.ACTIVITY_LOG || target == Target.SNAPSHOT) {
          fileLevel += json(target, r, file, where);
        } else {
          fileLevel += csv(target, r, file, where);
        }
      } catch (AssertionError e) {
        throw new AssertionError(where + ": " + e.getMessage(), e);
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        throw new AssertionError(where + ": unexpected " + e, e);
      }
    }
    System.out.printf("fuzz %s: %d inputs, %d refused as a whole (InputException), %d ms%n", target, budget,
        fileLevel, (System.nanoTime() - started) / 1_000_000);
    assertThat(fileLevel).as("some inputs must get past the header").isLessThan(budget);
  }

  /** One CSV input; 1 when the file was refused as a whole. */
  private static int csv(Target target, SplittableRandom r, Path file, String where) throws IOException {
    Csv input = csv(target, r);
    byte[] bytes = input.text().getBytes(StandardCharsets.UTF_8);
    boolean mutated = r.nextBoolean();
    if (mutated) {
      bytes = mutate(bytes, r);
    }
    String name = file.toString();
    int expected = mutated ? countRecords(bytes) : input.records();
    if (!mutated) {
      assertThat(countRecords(bytes)).as("the generator writes the records it counts").isEqualTo(expected);
    }
    int maxRecords = physicalLines(bytes);
    // A record with the wrong field count whose quoted line break swallows a line of the header's width is read
    // as a runaway quote: the opening line and each swallowed line become rows of their own (more outcomes).
    boolean runawayQuote = false;
    long read;
    long problems;
    long good;
    try {
      switch (target) {
        case USAGE -> {
          long lines = 0;
          long rejected = 0;
          long n = 0;
          try (UsageReader reader = UsageReader.open(new ByteArrayInputStream(bytes), name)) {
            while (reader.hasNext()) {
              UsageRecord rec = reader.next();
              n++;
              assertThat(rec.recordNumber()).isEqualTo(n);
              assertThat(rec.line().isPresent()).isNotEqualTo(rec.problem().isPresent());
              assertThat(rec.isRejected()).isEqualTo(rec.problem().isPresent());
              rec.problem().ifPresent(p -> assertNamed(p, file));
              runawayQuote |= rec.problem().map(p -> p.message().contains("quote opened at line")).orElse(false);
              lines += rec.line().isPresent() ? 1 : 0;
              rejected += rec.isRejected() ? 1 : 0;
            }
          }
          read = n;
          good = lines;
          problems = rejected;
        }
        case GRANTS -> {
          Loaded<List<AccessGrant>> l = SideFiles.grants(table(bytes, name));
          read = l.rows();
          good = l.value().size();
          problems = l.problems().size();
          assertThat(good + problems).isEqualTo(read);
          for (AccessGrant g : l.value()) {
            assertThat(org.openpec.model.Scope.malformation(g.scope().path())).isEmpty();
          }
        }
        case PRICES -> {
          Loaded<List<SideFiles.PriceRow>> l = SideFiles.priceListRows(table(bytes, name), r.nextBoolean());
          read = l.rows();
          good = l.value().size();
          problems = l.problems().size();
          assertThat(good + problems).isEqualTo(read);
          List<org.openpec.model.PriceListEntry> entries = new ArrayList<>();
          l.value().forEach(p -> entries.add(p.entry()));
          try {
            org.openpec.pricing.Repricing.of(PriceList.of(entries));
          } catch (org.openpec.pricing.PriceListConflictException expectedConflict) {
            // conflicting or non-tiling prices are a reported, named refusal
            assertThat(expectedConflict.getMessage()).isNotBlank();
          }
        }
        case PARTNERS -> {
          Loaded<?> l = SideFiles.partners(table(bytes, name));
          read = l.rows();
          problems = l.problems().size();
          good = read - problems;
        }
        case RATES -> {
          Loaded<?> l = SideFiles.rates(table(bytes, name));
          read = l.rows();
          problems = l.problems().size();
          good = read - problems;
        }
        case HIERARCHY -> {
          Loaded<?> l = SideFiles.hierarchy(table(bytes, name));
          read = l.rows();
          problems = l.problems().size();
          good = read - problems;
        }
        case PRINCIPALS -> {
          Loaded<PrincipalDirectory> l = SideFiles.principals(table(bytes, name));
          read = l.rows();
          problems = l.problems().size();
          good = read - problems;
          assertThat(l.value().mappings().size()).isLessThanOrEqualTo((int) good);
        }
        default -> throw new IllegalStateException(target.name());
      }
    } catch (InputException e) {
      assertThat(e.getMessage()).as("a refusal names the file").startsWith(file.toString());
      assertThat(e.getMessage()).doesNotContain("\u0000");
      return 1;
    }
    assertThat(problems).isBetween(0L, read);
    assertThat(good).isBetween(0L, read);
    if (!mutated && !runawayQuote) {
      assertThat(read).as("records in = outcomes out").isEqualTo(expected);
    } else if (!mutated) {
      assertThat(read).as("a runaway quote adds outcomes, never loses one").isGreaterThan(expected);
      assertThat(read).as("at most one outcome per physical line").isLessThanOrEqualTo(maxRecords);
    } else {
      if (expected >= 0) {
        assertThat(read).as("at least one outcome per record").isGreaterThanOrEqualTo(expected);
      }
      assertThat(read).as("at most one outcome per physical line").isLessThanOrEqualTo(maxRecords);
    }
    return 0;
  }

  private static CsvTable table(byte[] bytes, String name) {
    return CsvTable.open(new ByteArrayInputStream(bytes), name, name);
  }

  private static java.io.Reader utf8(byte[] bytes) {
    return new java.io.InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder());
  }

  private static void assertNamed(InputProblem p, Path file) {
    assertThat(p.file()).isEqualTo(file.getFileName().toString());
    assertThat(p.line()).isPositive();
    assertThat(p.message()).doesNotContain("\u0000").doesNotContain("\u001b");
  }

  // ------------------------------------------------------------------ JSON

  /** A JSON string literal. */
  private static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** A value for a field: mostly text, sometimes a number, a literal, an object, deep nesting. */
  private static String jsonValue(String valid, SplittableRandom r) {
    int roll = r.nextInt(40);
    return switch (roll) {
      case 0 -> "1e999999999";
      case 1 -> "-0.0";
      case 2 -> "null";
      case 3 -> "true";
      case 4 -> "{\"value\":" + str(valid) + "}";
      case 5 -> "[" + str(valid) + "]";
      case 6 -> "[".repeat(50) + "]".repeat(50);
      case 7 -> "\"\\ud800\"";
      case 8, 9, 10 -> str(hostile(r));
      case 11 -> r.nextInt(100) == 0 ? str(huge(r)) : str(valid);
      default -> str(valid);
    };
  }

  private static String event(SplittableRandom r, int n) {
    String scope = r.nextInt(8) == 0 ? hostile(r) : "/subscriptions/S" + r.nextInt(3);
    String id = scope + "/providers/Microsoft.Authorization/roleAssignments/a" + r.nextInt(6);
    String op = switch (r.nextInt(4)) {
      case 0 -> "Microsoft.Authorization/roleAssignments/write";
      case 1 -> "Microsoft.Authorization/roleAssignments/delete";
      case 2 -> "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE";
      default -> "Microsoft.Compute/virtualMachines/write";
    };
    String time = String.format("2026-03-%02dT%02d:00:00Z", 1 + r.nextInt(28), r.nextInt(24));
    String body = "{\"id\":" + str(id) + ",\"properties\":{\"roleDefinitionId\":\"/providers/Microsoft.Authorization/"
        + "roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635\",\"principalId\":\"p" + r.nextInt(3)
        + "\",\"scope\":" + str(scope) + ",\"createdOn\":" + str(r.nextInt(5) == 0 ? hostile(r) : time) + "}}";
    List<String> fields = new ArrayList<>(List.of(
        "\"" + (r.nextBoolean() ? "time" : "eventTimestamp") + "\":" + jsonValue(time, r),
        "\"operationName\":" + (r.nextBoolean() ? jsonValue(op, r) : "{\"value\":" + str(op) + "}"),
        "\"resultType\":" + jsonValue(r.nextInt(5) == 0 ? "Start" : "Success", r),
        "\"resourceId\":" + jsonValue(id, r),
        "\"correlationId\":" + str("c" + n),
        "\"properties\":{\"responseBody\":" + (r.nextInt(6) == 0 ? str(hostile(r)) : str(body)) + "}"));
    if (r.nextInt(10) == 0) {
      fields.remove(r.nextInt(fields.size()));
    }
    if (r.nextInt(15) == 0) {
      fields.add(fields.get(r.nextInt(fields.size()))); // an equal duplicate key
    }
    if (r.nextInt(15) == 0) {
      fields.add("\"time\":" + str("2026-01-01T00:00:00Z")); // a key twice, maybe different
    }
    return "{" + String.join(",", fields) + "}";
  }

  private static String listing(SplittableRandom r) {
    String scope = r.nextInt(8) == 0 ? hostile(r) : "/subscriptions/S" + r.nextInt(3);
    List<String> fields = new ArrayList<>(List.of(
        "\"id\":" + jsonValue(scope + "/providers/Microsoft.Authorization/roleAssignments/a" + r.nextInt(6), r),
        "\"scope\":" + jsonValue(scope, r),
        "\"roleDefinitionName\":" + jsonValue(r.nextBoolean() ? "Owner" : "Reader", r),
        "\"principalId\":" + jsonValue("p" + r.nextInt(3), r),
        "\"createdOn\":" + jsonValue("2026-02-0" + (1 + r.nextInt(9)) + "T00:00:00Z", r)));
    if (r.nextInt(10) == 0) {
      fields.remove(r.nextInt(fields.size()));
    }
    return "{" + String.join(",", fields) + "}";
  }

  private static String element(Target target, SplittableRandom r, int n) {
    int roll = r.nextInt(25);
    if (roll == 0) {
      return "42";
    }
    if (roll == 1) {
      return "[1,2]";
    }
    if (roll == 2) {
      return "{}";
    }
    return target == Target.ACTIVITY_LOG ? event(r, n) : listing(r);
  }

  /** One JSON input; 1 when the file was refused as a whole. */
  private static int json(Target target, SplittableRandom r, Path file, String where) throws IOException {
    int n = 1 + r.nextInt(8);
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      elements.add(element(target, r, i));
    }
    int shape = target == Target.ACTIVITY_LOG ? r.nextInt(3) : 0;
    String text;
    if (shape == 1) {
      // JSON Lines: the first line must be an object for the file to read as JSON Lines
      elements.set(0, event(r, 0));
      text = String.join(r.nextBoolean() ? "\n" : "\r\n", elements) + (r.nextBoolean() ? "\n" : "");
    } else if (shape == 2) {
      text = "{\"records\": [" + String.join(",\n", elements) + "]}";
    } else {
      text = "[" + String.join(r.nextBoolean() ? ",\n  " : ",", elements) + "]";
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    boolean mutated = r.nextBoolean();
    if (mutated) {
      bytes = mutate(bytes, r);
    }
    try {
      if (target == Target.ACTIVITY_LOG) {
        ActivityLog log;
        try {
          log = ActivityLog.read(file.toString(), utf8(bytes));
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
          throw new InputException(file + ": cannot read file: not UTF-8 text", notUtf8);
        }
        long kept = log.events().size() + log.otherEvents();
        assertThat(kept).isLessThanOrEqualTo(log.eventsRead());
        assertThat(log.eventsRead() - kept).as("every event left out is reported")
            .isLessThanOrEqualTo(log.problems().size());
        if (!log.isComplete()) {
          assertThat(log.problems()).isNotEmpty();
        }
        if (!mutated) {
          assertThat(log.eventsRead()).as("events in = events counted").isEqualTo(n);
          assertThat(log.isComplete()).isTrue();
        }
        log.problems().forEach(p -> assertThat(p.message()).doesNotContain("\u0000").hasSizeLessThan(40_000));
        AccessImport.builder().addActivityLogs(log).since(Instant.parse("2026-02-01T00:00:00Z")).build().run();
      } else {
        RoleAssignmentSnapshot s;
        try {
          s = RoleAssignmentSnapshot.read(file.toString(), Instant.parse("2026-03-01T00:00:00Z"), "", utf8(bytes));
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
          throw new InputException(file + ": cannot read file: not UTF-8 text", notUtf8);
        }
        assertThat((long) s.assignments().size()).isLessThanOrEqualTo(s.entriesRead());
        assertThat(s.entriesRead() - s.assignments().size()).isLessThanOrEqualTo(s.problems().size());
        if (!mutated) {
          assertThat(s.entriesRead()).isEqualTo(n);
        }
        AccessImport.builder().addSnapshots(s).build().run();
      }
    } catch (InputException e) {
      if (!mutated) {
        fail(where + ": a well-formed export was refused: " + e.getMessage());
      }
      assertThat(e.getMessage()).startsWith(file.toString());
      return 1;
    }
    return 0;
  }
}
