package org.openpec.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openpec.access.PrincipalDirectory;
import org.openpec.access.PrincipalMapping;
import org.openpec.internal.io.GrantsCsv;
import org.openpec.internal.io.TextValues;
import org.openpec.internal.text.DecimalText;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.ManagementHierarchy;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.model.Scope;
import org.openpec.money.PecRate;

/**
 * Readers of the side files of rules §11 and docs/cli.md: grants, price list, partners, rates and hierarchy, and the
 * principals file of {@code pec grants}.
 *
 * <p>Each reads the whole (small) file, finds columns by header name, and returns a {@link Loaded}: the value
 * built from the good rows and every bad row as an {@link InputProblem} ({@code file:line:column: message}). A
 * bad row never stops the read. A file that cannot be read, has no header, or lacks a required column throws
 * {@link InputException}.
 */
public final class SideFiles {

  private SideFiles() {}

  /** The bundled roles: a grant's GUID decides its role, so the name shown is the catalogued one. */
  private static final org.openpec.model.RoleCatalog ROLES = org.openpec.model.RoleCatalog.bundled();

  /** A row being read: its fields and the table it came from. */
  private static final class Row {
    final CsvTable table;
    final CsvRecord record;
    final boolean grantsCells;

    Row(CsvTable table, CsvRecord record, boolean grantsCells) {
      this.table = table;
      this.record = record;
      this.grantsCells = grantsCells;
    }

    /** The trimmed cell; in a grants file, with the apostrophe of a neutralised cell removed. */
    String text(int column) {
      String v = column < 0 || column >= record.getFieldCount() ? "" : record.getField(column).trim();
      return grantsCells ? GrantsCsv.unescape(v) : v;
    }

    String name(int column) {
      return table.header()[column].trim();
    }

    RowException bad(int column, String message) {
      return new RowException(table.problem(record, column, message));
    }

    String required(int column) {
      String v = text(column);
      if (v.isEmpty()) {
        throw bad(column, name(column) + " must not be empty");
      }
      return v;
    }

    Optional<LocalDate> day(int column) {
      return parsed(column, TextValues::parseDay, "a date (yyyy-MM-dd, M/d/yyyy or ISO date-time)");
    }

    Optional<Instant> instant(int column) {
      return parsed(column, TextValues::parseInstant, "an ISO-8601 instant");
    }

    /** The trimmed value parsed, empty when blank; a value that does not parse makes the row bad. */
    private <T> Optional<T> parsed(int column, java.util.function.Function<String, T> parse, String expected) {
      String v = text(column);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(parse.apply(v));
      } catch (IllegalArgumentException e) {
        throw bad(column, name(column) + " must be " + expected + ", was \"" + v + "\"");
      }
    }

    Optional<BigDecimal> number(int column) {
      String v = column < 0 || column >= record.getFieldCount() ? "" : record.getField(column);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(DecimalText.parse(v).orElseThrow(
          () -> bad(column, name(column) + " must be a decimal number, was \"" + v + "\"")));
    }
  }

  /** A bad row, carried out of the row's parser. */
  private static final class RowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient InputProblem problem;

    RowException(InputProblem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  @FunctionalInterface
  private interface RowParser {
    void parse(Row row);
  }

  private static long eachRow(CsvTable table, List<InputProblem> problems, RowParser parser) {
    return eachRow(table, problems, false, parser);
  }

  private static long eachRow(CsvTable table, List<InputProblem> problems, boolean grantsCells, RowParser parser) {
    long rows = 0;
    for (CsvRecord r = table.next(); r != null; r = table.next()) {
      rows++;
      InputProblem count = table.fieldCountProblem(r);
      if (count != null) {
        problems.add(count);
        continue;
      }
      try {
        parser.parse(new Row(table, r, grantsCells));
      } catch (RowException e) {
        problems.add(e.problem);
      } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
        problems.add(table.problem(r, -1, String.valueOf(e.getMessage())));
      }
    }
    return rows;
  }

  /**
   * Reads a grants file: {@code GrantId, PartnerId, Channel, PrincipalId, PrincipalType, RoleDefinitionId,
   * RoleName, Scope, Assignment, GrantedAt, RevokedAt}. {@code Scope}, {@code GrantedAt} and one of
   * {@code RoleDefinitionId}/{@code RoleName} are required columns; a row needs a scope, a granted-at instant and
   * a role. An empty {@code GrantId} becomes {@code line-N} (the row's physical line). A scope that is not a
   * well-formed grant scope ({@link Scope#malformation}: {@code /subscriptions/} without id, an empty segment, no
   * leading {@code /}, a {@code ..} segment) makes the row bad: it would otherwise cover what it does not name.
   * Text cells neutralised in the grants files {@code pec grants} writes ({@code '=..}) read back as written before
   * neutralising. When {@code RoleDefinitionId} is a GUID of the bundled role catalogue, the grant's role name is
   * that role's name (the GUID decides the role; a disagreeing {@code RoleName} would name the wrong one).
   *
   * @param path the file to read
   * @return the grants in file order, with the bad rows as problems
   */
  public static Loaded<List<AccessGrant>> grants(Path path) {
    try (CsvTable t = CsvTable.open(path)) {
      return grants(t);
    }
  }

  /** As {@link #grants(Path)}, from a table already open. */
  static Loaded<List<AccessGrant>> grants(CsvTable t) {
    {
      int[] required = t.requireColumns("Scope", "GrantedAt");
      int scope = required[0];
      int grantedAt = required[1];
      int roleId = t.column("RoleDefinitionId");
      int roleName = t.column("RoleName");
      if (roleId < 0 && roleName < 0) {
        throw new InputException(t.displayName() + ": required column RoleDefinitionId or RoleName is missing");
      }
      int id = t.column("GrantId");
      int partner = t.column("PartnerId");
      int channel = t.column("Channel");
      int principal = t.column("PrincipalId");
      int principalType = t.column("PrincipalType");
      int assignment = t.column("Assignment");
      int revokedAt = t.column("RevokedAt");
      List<AccessGrant> grants = new ArrayList<>();
      List<InputProblem> problems = new ArrayList<>();
      long rows = eachRow(t, problems, true, row -> {
        String scopeText = row.required(scope);
        Optional<String> malformed = Scope.malformation(scopeText);
        if (malformed.isPresent()) {
          throw row.bad(scope, row.name(scope) + " \"" + scopeText + "\" is not a grant scope: " + malformed.get());
        }
        Instant from = row.instant(grantedAt).orElseThrow(() -> row.bad(grantedAt, row.name(grantedAt)
            + " must not be empty"));
        Optional<Instant> until = row.instant(revokedAt);
        if (until.isPresent() && !until.get().isAfter(from)) {
          throw row.bad(revokedAt, row.name(revokedAt) + " must be after GrantedAt, was " + row.text(revokedAt));
        }
        String rid = row.text(roleId);
        String rname = row.text(roleName);
        if (rid.isEmpty() && rname.isEmpty()) {
          throw row.bad(roleId >= 0 ? roleId : roleName, "RoleDefinitionId or RoleName must not be empty");
        }
        Assignment a;
        try {
          a = Assignment.parse(row.text(assignment));
        } catch (IllegalArgumentException e) {
          throw row.bad(assignment, row.name(assignment) + " must be ACTIVE or ELIGIBLE, was \""
              + row.text(assignment) + "\"");
        }
        String grantId = row.text(id);
        String partnerId = row.text(partner);
        grants.add(AccessGrant.builder()
            .grantId(grantId.isEmpty() ? "line-" + row.record.getStartingLineNumber() : grantId)
            .partnerId(partnerId.isEmpty() ? Optional.empty() : Optional.of(partnerId))
            .channel(row.text(channel))
            .principalId(row.text(principal))
            .principalType(row.text(principalType))
            .roleDefinitionId(rid)
            .roleName(rname.isEmpty() ? rname : ROLES.displayName(rid, rname))
            .scope(Scope.parse(scopeText))
            .assignment(a)
            .grantedAt(from)
            .revokedAt(until)
            .build());
      });
      return new Loaded<>(List.copyOf(grants), rows, problems);
    }
  }

  /**
   * Reads an Azure plan consumption price list. {@code ProductId} and {@code SkuId} are required columns; dates,
   * meters, tags, titles and prices are used when present (empty dates are open bounds).
   *
   * @param path the file to read
   * @param forRepricing when true, the {@code UnitPrice} column is required and a price or tier bound that is
   *     not a number makes the row bad; when false such a value is ignored
   * @return the price list, with the bad rows as problems
   */
  public static Loaded<PriceList> priceList(Path path, boolean forRepricing) {
    Loaded<List<PriceRow>> rows = priceListRows(path, forRepricing);
    List<PriceListEntry> entries = new ArrayList<>(rows.value().size());
    rows.value().forEach(r -> entries.add(r.entry()));
    return new Loaded<>(PriceList.of(entries), rows.rows(), rows.problems());
  }

  /**
   * A good row of a price list with its position, so that messages can name it as {@code file:line}.
   *
   * @param file the file's name without folders
   * @param line the physical line where the row starts
   * @param entry the entry read from the row
   */
  public record PriceRow(String file, long line, PriceListEntry entry) {
    /** {@code file:line}. */
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  /**
   * {@return the good rows of a price list with their positions, as {@link #priceList} reads them}
   *
   * @param path the file to read
   * @param forRepricing whether the price list will reprice lines (its tiers are then validated)
   */
  public static Loaded<List<PriceRow>> priceListRows(Path path, boolean forRepricing) {
    try (CsvTable t = CsvTable.open(path)) {
      return priceListRows(t, forRepricing);
    }
  }

  /** As {@link #priceListRows(Path, boolean)}, from a table already open. */
  static Loaded<List<PriceRow>> priceListRows(CsvTable t, boolean forRepricing) {
    {
      int[] required = forRepricing ? t.requireColumns("ProductId", "SkuId", "UnitPrice")
          : t.requireColumns("ProductId", "SkuId");
      int product = required[0];
      int sku = required[1];
      int unitPrice = forRepricing ? required[2] : t.column("UnitPrice");
      int skuTitle = t.column("SkuTitle");
      int productTitle = t.column("ProductTitle");
      int publisher = t.column("Publisher");
      int currency = t.column("Currency");
      int unit = t.column("UnitOfMeasure");
      int tierMin = t.column("PricingTierRangeMin");
      int tierMax = t.column("PricingTierRangeMax");
      int start = t.column("EffectiveStartDate");
      int end = t.column("EffectiveEndDate");
      int meters = t.column("MeterIds");
      int tags = t.column("Tags");
      List<PriceRow> entries = new ArrayList<>();
      List<InputProblem> problems = new ArrayList<>();
      long rows = eachRow(t, problems, row -> {
        String productId = row.required(product);
        String skuId = row.required(sku);
        Optional<LocalDate> from = row.day(start);
        Optional<LocalDate> until = row.day(end);
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
          throw row.bad(end, row.name(end) + " must not be before EffectiveStartDate, was " + row.text(end));
        }
        PriceListEntry.Builder b = PriceListEntry.builder()
            .productId(productId)
            .skuId(skuId)
            .skuTitle(row.text(skuTitle))
            .productTitle(row.text(productTitle))
            .publisher(row.text(publisher))
            .currency(row.text(currency))
            .unitOfMeasure(row.text(unit))
            .tags(row.text(tags))
            .addAllMeterIds(PriceListEntry.splitMeterIds(row.text(meters)))
            .effectiveStart(from)
            .effectiveEnd(until);
        if (forRepricing) {
          b.unitPrice(row.number(unitPrice).orElseThrow(() -> row.bad(unitPrice, "UnitPrice must not be empty")))
              .tierMin(row.number(tierMin))
              .tierMax(row.number(tierMax));
        } else {
          b.unitPrice(lenientNumber(row, unitPrice)).tierMin(lenientNumber(row, tierMin))
              .tierMax(lenientNumber(row, tierMax));
        }
        entries.add(new PriceRow(t.fileName(), row.record.getStartingLineNumber(), b.build()));
      });
      return new Loaded<>(List.copyOf(entries), rows, problems);
    }
  }

  private static Optional<BigDecimal> lenientNumber(Row row, int column) {
    try {
      return row.number(column);
    } catch (RowException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads a partners file: {@code PartnerId} (required column), {@code OrganizationId}, {@code AgreementStart},
   * {@code AgreementEnd} (inclusive days; empty is open).
   *
   * @param path the file to read
   * @return the directory, with the bad rows as problems
   */
  public static Loaded<PartnerDirectory> partners(Path path) {
    try (CsvTable t = CsvTable.open(path)) {
      return partners(t);
    }
  }

  /** As {@link #partners(Path)}, from a table already open. */
  static Loaded<PartnerDirectory> partners(CsvTable t) {
    {
      int partner = t.requireColumn("PartnerId");
      int org = t.column("OrganizationId");
      int start = t.column("AgreementStart");
      int end = t.column("AgreementEnd");
      List<PartnerDirectory.Membership> rows = new ArrayList<>();
      List<InputProblem> problems = new ArrayList<>();
      long count = eachRow(t, problems, row -> {
        String id = row.required(partner);
        Optional<LocalDate> from = row.day(start);
        Optional<LocalDate> until = row.day(end);
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
          throw row.bad(end, row.name(end) + " must not be before AgreementStart, was " + row.text(end));
        }
        rows.add(new PartnerDirectory.Membership(id, row.text(org), from, until));
      });
      return new Loaded<>(PartnerDirectory.of(rows), count, problems);
    }
  }

  /**
   * Reads a rates file: {@code EffectiveFrom} (a day field) and {@code Percentage} (0 to 100, fractional
   * allowed), both required. The schedule replaces the default; before its first row no rate is in force.
   *
   * <p>Two rows for one day with equal percentages (by value) are one row; with different percentages the file is
   * unusable ({@link InputException} naming both lines), as conflicting price-list entries are: which rate holds
   * would be a silent choice.
   *
   * @param path the file to read
   * @return the rate schedule, with the bad rows as problems
   */
  public static Loaded<PecRate> rates(Path path) {
    try (CsvTable t = CsvTable.open(path)) {
      return rates(t);
    }
  }

  /** As {@link #rates(Path)}, from a table already open. */
  static Loaded<PecRate> rates(CsvTable t) {
    {
      int[] required = t.requireColumns("EffectiveFrom", "Percentage");
      int from = required[0];
      int pct = required[1];
      Map<LocalDate, BigDecimal> schedule = new TreeMap<>();
      Map<LocalDate, Long> lineOf = new HashMap<>();
      List<InputProblem> problems = new ArrayList<>();
      long rows = eachRow(t, problems, row -> {
        LocalDate day = row.day(from).orElseThrow(() -> row.bad(from, row.name(from) + " must not be empty"));
        BigDecimal p = row.number(pct).orElseThrow(() -> row.bad(pct, row.name(pct) + " must not be empty"));
        if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
          throw row.bad(pct, row.name(pct) + " must be between 0 and 100, was " + row.text(pct));
        }
        BigDecimal rate = PecRate.fromPercentage(p);
        long line = row.record.getStartingLineNumber();
        BigDecimal earlier = schedule.putIfAbsent(day, rate);
        if (earlier != null && earlier.compareTo(rate) != 0) {
          throw new InputException(t.displayName() + ": conflicting rates for " + day + ": line "
              + lineOf.get(day) + " says " + earlier.movePointRight(2).stripTrailingZeros().toPlainString()
              + " %, line " + line + " says " + p.stripTrailingZeros().toPlainString() + " %");
        }
        lineOf.putIfAbsent(day, line);
      });
      return new Loaded<>(PecRate.of(schedule), rows, problems);
    }
  }

  /**
   * Reads a principals file (the format is documented on {@link PrincipalDirectory}): {@code PrincipalId} and
   * {@code PartnerId} are required columns, {@code Channel} is optional. A row needs a principal id; an empty
   * partner ID marks a known, deliberately unattributed principal. A principal listed again with the same partner
   * ID and channel (ignoring case and surrounding spaces in the id) is a harmless repeat; listed again with another
   * partner ID or channel, the later row is bad (its problem names the earlier row's line) and the earlier row
   * holds.
   *
   * @param path the file to read
   * @return the directory, with the bad rows as problems
   */
  public static Loaded<PrincipalDirectory> principals(Path path) {
    try (CsvTable t = CsvTable.open(path)) {
      return principals(t);
    }
  }

  /** As {@link #principals(Path)}, from a table already open. */
  static Loaded<PrincipalDirectory> principals(CsvTable t) {
    {
      int[] required = t.requireColumns("PrincipalId", "PartnerId");
      int principal = required[0];
      int partner = required[1];
      int channel = t.column("Channel");
      Map<String, PrincipalMapping> byKey = new LinkedHashMap<>();
      Map<String, Long> firstLine = new HashMap<>();
      List<InputProblem> problems = new ArrayList<>();
      long rows = eachRow(t, problems, row -> {
        PrincipalMapping m = new PrincipalMapping(row.required(principal), row.text(partner), row.text(channel));
        String key = m.principalId().trim().toLowerCase(Locale.ROOT);
        PrincipalMapping known = byKey.putIfAbsent(key, m);
        long line = row.record.getStartingLineNumber();
        if (known != null && !(known.partnerId().equals(m.partnerId()) && known.channel().equals(m.channel()))) {
          throw new InputException(t.displayName() + ": conflicting rows for principal " + m.principalId()
              + ": line " + firstLine.get(key) + " says partner \"" + known.partnerId() + "\" channel \""
              + known.channel() + "\", line " + line + " says partner \"" + m.partnerId() + "\" channel \""
              + m.channel() + "\"");
        }
        firstLine.putIfAbsent(key, line);
      });
      return new Loaded<>(PrincipalDirectory.of(byKey.values()), rows, problems);
    }
  }

  /**
   * Reads a hierarchy file: {@code SubscriptionId} (the Azure subscription) and {@code ManagementGroups} (the
   * chain from the root down, separated by {@code /}), both required. A subscription listed twice with the same
   * chain (ignoring case and spaces around the names) is one row; with another chain the file is unusable
   * ({@link InputException} naming both lines), as conflicting price-list entries are.
   *
   * @param path the file to read
   * @return the hierarchy, with the bad rows as problems
   */
  public static Loaded<ManagementHierarchy> hierarchy(Path path) {
    try (CsvTable t = CsvTable.open(path)) {
      return hierarchy(t);
    }
  }

  /** As {@link #hierarchy(Path)}, from a table already open. */
  static Loaded<ManagementHierarchy> hierarchy(CsvTable t) {
    {
      int[] required = t.requireColumns("SubscriptionId", "ManagementGroups");
      int sub = required[0];
      int groups = required[1];
      Map<String, List<String>> chains = new LinkedHashMap<>();
      Map<String, String> chainKeys = new HashMap<>();
      Map<String, Long> lineOf = new HashMap<>();
      List<InputProblem> problems = new ArrayList<>();
      long rows = eachRow(t, problems, row -> {
        String id = row.required(sub);
        String chain = row.required(groups);
        String key = id.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        for (String name : chain.split("/")) {
          names.add(name.trim());
        }
        String chainKey = String.join("/", names).toLowerCase(Locale.ROOT);
        String earlier = chainKeys.putIfAbsent(key, chainKey);
        long line = row.record.getStartingLineNumber();
        if (earlier != null) {
          if (!earlier.equals(chainKey)) {
            throw new InputException(t.displayName() + ": conflicting rows for subscription " + id + ": line "
                + lineOf.get(key) + " and line " + line + " give different ManagementGroups");
          }
          return;
        }
        lineOf.put(key, line);
        chains.put(id, List.of(chain.split("/")));
      });
      return new Loaded<>(ManagementHierarchy.of(chains), rows, problems);
    }
  }
}
