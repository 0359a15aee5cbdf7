package org.openpec.examples.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * (d) DuckDB computing the same statement as openpec, in SQL, from the same four CSV files and the bundled role
 * catalogue: what a billing engineer would write to get the month's PEC out of DuckDB.
 *
 * <p>The SQL follows the spec step by step. Every usage field is read as text ({@code VARCHAR}); a record is
 * rejected as openpec rejects it (rules §9): a field count other than the header's (DuckDB's {@code store_rejects}
 * table), a blank required value, a number outside rules §11's grammar (regex), a day in none of the accepted forms
 * (regex, then a strict cast, so {@code 2026-02-30} is rejected). Amounts are exact {@code DECIMAL(38, s)}
 * (UnitPrice scale 10, Quantity 6, PCToBCExchangeRate 9, the generator's bounds): Credit = UnitPrice × Quantity
 * × 0.15, BillingPreTaxTotal = FLOOR(UnitPrice × 0.85 × Quantity × FX, 2), exactly as rules §8 says. Products (rules §6) are
 * decided once per (ProductId, SkuId, MeterId, day) against the price-list rows in force; agreements (rules §2.4) once
 * per (MpnId, day). Access (rules §2–§5, §9): grants filtered by the funnel (active, PEC-eligible role by GUID from
 * {@code RoleDefinitionId} — bare or ARM path — else by name, attributed, of the billed partner's or reseller's
 * organisation from the partners file), joined to each resource through its ancestor scopes (subscription,
 * resource group, resource: a case-insensitive segment prefix), and the union of their intervals must enclose
 * the UTC day (sorted by start, no gap: each start ≤ the latest end before it), decided once per (resource,
 * MpnId, Tier2MpnId, day).
 *
 * <p>Not modelled, because the generated month has none of them: management-group scopes with a hierarchy, rate
 * files, repricing, conflicting organisation rows for one partner ID (checked: the run fails when present).
 */
final class DuckDbStatement {

  /** UnitPrice, Quantity and PCToBCExchangeRate types: the generator's precision bounds (issue 6). */
  static final String PRICE = "DECIMAL(38, 10)";
  static final String QUANTITY = "DECIMAL(38, 6)";
  static final String FX = "DECIMAL(38, 9)";

  private static final String MACROS = """
      CREATE TEMP MACRO nonblank(t) AS coalesce(trim(t), '') <> '';
      CREATE TEMP MACRO pec_number(t) AS
        regexp_full_match(coalesce(t, ''), '[+-]?(?:[0-9]+(?:[.][0-9]*)?|[.][0-9]+)(?:[eE][+-]?[0-9]+)?');
      CREATE TEMP MACRO pec_instant(raw) AS CASE
        WHEN regexp_full_match(trim(raw), '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN try_cast(trim(raw) AS TIMESTAMP)
        WHEN regexp_full_match(trim(raw),
            '[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.][0-9]{1,9})?)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})?')
        THEN try_cast(substr(trim(raw), 1, 10) || ' '
              || regexp_extract(trim(raw), '^.{11}([0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.][0-9]{1,9})?)?)', 1) AS TIMESTAMP)
          - to_minutes(CAST(CASE WHEN regexp_matches(trim(raw), '[+-][0-9]{2}:[0-9]{2}$')
              THEN (CASE WHEN substr(trim(raw), -6, 1) = '-' THEN -1 ELSE 1 END)
                * (CAST(substr(trim(raw), -5, 2) AS INTEGER) * 60 + CAST(substr(trim(raw), -2, 2) AS INTEGER))
              ELSE 0 END AS BIGINT))
        END;
      CREATE TEMP MACRO pec_day(raw) AS CASE
        WHEN regexp_full_match(trim(raw), '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN try_cast(trim(raw) AS DATE)
        WHEN contains(raw, '/') THEN CASE
          WHEN regexp_full_match(trim(raw),
              '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}(?: +[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?: ?[AaPp][Mm])?)?')
          THEN CAST(try_strptime(split_part(trim(raw), ' ', 1), '%m/%d/%Y') AS DATE) END
        ELSE CAST(pec_instant(raw) AS DATE)
        END;
      CREATE TEMP MACRO scope_key(t) AS CASE
        WHEN starts_with(t, '/') AND length(t) > 1 AND NOT suffix(t, '/') AND NOT contains(t, '//')
          AND NOT contains(t, ' /') AND NOT contains(t, '/ ') THEN lower(t)
        ELSE '/' || array_to_string(list_filter(list_transform(string_split(lower(trim(t)), '/'), s -> trim(s)),
          s -> s <> ''), '/')
        END;
      CREATE TEMP MACRO ancestors(k) AS CASE WHEN k = '/' THEN []::VARCHAR[] ELSE
        list_transform(range(1, len(string_split(k[2:], '/')) + 1),
          i -> '/' || array_to_string(string_split(k[2:], '/')[1:i], '/')) END;
      CREATE TEMP MACRO has_spot(t) AS regexp_matches(coalesce(t, ''), '(?i)(?:^|[^\\pL\\pN])spot(?:[^\\pL\\pN]|$)');
      """;

  /** The usage lines, validated and typed: one row per record DuckDB could split into the header's fields. */
  private static final String LINES = """
      CREATE TEMP TABLE lines AS
      WITH raw AS (
        SELECT @ROWNUM@* FROM read_csv(@USAGE@, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
          ignore_errors = true, store_rejects = true, columns = @COLUMNS@)
      ), checked AS (
        SELECT *, pec_day(UsageDate) AS day,
          nonblank(CustomerId) AND nonblank(MpnId) AND nonblank(SubscriptionId) AND nonblank(EntitlementId)
          AND nonblank(ProductId) AND nonblank(SkuId) AND nonblank(MeterId) AND nonblank(PricingCurrency)
          AND nonblank(BillingCurrency) AND pec_number(Quantity) AND pec_number(UnitPrice)
          AND pec_number(PCToBCExchangeRate) AS fields_ok
        FROM raw
      )
      SELECT @N@
        fields_ok AND day IS NOT NULL AS ok,
        day AS d,
        trim(BillingCurrency) AS bc,
        lower(trim(MpnId)) AS mpn,
        coalesce(lower(trim(Tier2MpnId)), '') AS t2,
        lower(trim(ProductId)) AS prod, lower(trim(SkuId)) AS sku, lower(trim(MeterId)) AS meter,
        CASE WHEN nonblank(ResourceURI) THEN scope_key(trim(ResourceURI))
          ELSE scope_key('/subscriptions/' || trim(EntitlementId)) END AS rkey,
        try_cast(Quantity AS @QUANTITY@) AS qty,
        try_cast(UnitPrice AS @PRICE@) AS price,
        try_cast(PCToBCExchangeRate AS @FX@) AS fx,
        lower(trim(coalesce(ChargeType, ''))) = 'purchase'
          OR (nonblank(PublisherName) AND lower(trim(PublisherName)) <> 'microsoft')
          OR has_spot(MeterSubCategory) OR has_spot(MeterName) OR has_spot(SkuName) AS pre_benefit_excluded,
        nonblank(BenefitId) OR nonblank(BenefitType) AS has_benefit@ECHO@
      FROM checked
      """;

  /** The good rows of the partners file (a bad row is ignored, as openpec ignores it). */
  private static final String PARTNERS = """
      CREATE TEMP TABLE partner_rows AS
      SELECT lower(trim(PartnerId)) AS pid, lower(trim(coalesce(OrganizationId, ''))) AS org,
        pec_day(AgreementStart) AS s, pec_day(AgreementEnd) AS e
      FROM read_csv(@PARTNERS@, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
        ignore_errors = true)
      WHERE nonblank(PartnerId)
        AND (NOT nonblank(AgreementStart) OR pec_day(AgreementStart) IS NOT NULL)
        AND (NOT nonblank(AgreementEnd) OR pec_day(AgreementEnd) IS NOT NULL)
        AND (pec_day(AgreementStart) IS NULL OR pec_day(AgreementEnd) IS NULL
             OR pec_day(AgreementEnd) >= pec_day(AgreementStart))
      """;

  private static final String ORG_CONFLICTS = """
      SELECT count(*) FROM (SELECT pid FROM partner_rows WHERE org <> '' GROUP BY pid HAVING count(DISTINCT org) > 1)
      """;

  /** Every step up to the verdict and the amounts of each line, as common table expressions. */
  private static final String CTES = """
      WITH
      orgs AS (SELECT pid, min(org) AS org FROM partner_rows WHERE org <> '' GROUP BY pid),
      roles AS (
        SELECT lower(trim(role_name_en)) AS name, lower(trim(role_definition_id)) AS id,
          lower(trim(pec_eligible)) = 'true' AS eligible
        FROM read_csv(@ROLES@, header = true, all_varchar = true)
      ),
      grant_rows AS (
        SELECT lower(trim(coalesce(PartnerId, ''))) AS pid, scope_key(trim(Scope)) AS skey,
          pec_instant(GrantedAt) AS s, pec_instant(RevokedAt) AS e, nonblank(RevokedAt) AS revoked,
          upper(trim(coalesce(Assignment, ''))) AS assignment,
          CASE WHEN contains(lower(trim(coalesce(RoleDefinitionId, ''))), '/roledefinitions/')
            THEN trim(rtrim(regexp_extract(lower(trim(RoleDefinitionId)), '.*/roledefinitions/(.*)$', 1), '/'))
            ELSE trim(rtrim(lower(trim(coalesce(RoleDefinitionId, ''))), '/')) END AS rid,
          lower(trim(coalesce(RoleName, ''))) AS rname
        FROM read_csv(@GRANTS@, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
          ignore_errors = true)
        WHERE nonblank(Scope) AND (nonblank(RoleDefinitionId) OR nonblank(RoleName))
      ),
      grants AS (
        SELECT * FROM grant_rows
        WHERE s IS NOT NULL AND (NOT revoked OR (e IS NOT NULL AND e > s)) AND assignment IN ('', 'ACTIVE', 'ELIGIBLE')
      ),
      qualifying AS (
        SELECT g.skey, coalesce(o.org, g.pid) AS org, g.s, coalesce(g.e, TIMESTAMP 'infinity') AS e
        FROM grants g
        LEFT JOIN roles by_id ON g.rid <> '' AND by_id.id = g.rid
        LEFT JOIN roles by_name ON g.rname <> '' AND by_name.name = g.rname
        LEFT JOIN orgs o ON o.pid = g.pid
        WHERE g.assignment IN ('', 'ACTIVE') AND g.pid <> ''
          AND coalesce(by_id.eligible, by_name.eligible, false)
          AND g.skey <> '/'
          AND NOT regexp_full_match(g.skey, '/providers/microsoft[.]management/managementgroups/[^/]+')
      ),
      prices AS (
        SELECT lower(trim(ProductId)) AS prod, lower(trim(SkuId)) AS sku,
          list_filter(list_transform(regexp_split_to_array(coalesce(MeterIds, ''), '[,;]'), m -> lower(trim(m))),
            m -> m <> '') AS meters,
          pec_day(EffectiveStartDate) AS s, pec_day(EffectiveEndDate) AS e,
          contains(lower(coalesce(Tags, '')), 'third party') AS third_party,
          contains(lower(coalesce(Tags, '')), 'reservations') AS reservation,
          has_spot(SkuTitle) AS spot
        FROM read_csv(@PRICES@, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
          ignore_errors = true)
        WHERE nonblank(ProductId) AND nonblank(SkuId)
          AND (NOT nonblank(EffectiveStartDate) OR pec_day(EffectiveStartDate) IS NOT NULL)
          AND (NOT nonblank(EffectiveEndDate) OR pec_day(EffectiveEndDate) IS NOT NULL)
          AND (pec_day(EffectiveStartDate) IS NULL OR pec_day(EffectiveEndDate) IS NULL
               OR pec_day(EffectiveEndDate) >= pec_day(EffectiveStartDate))
      ),
      product AS (
        SELECT k.prod, k.sku, k.meter, k.d,
          count(p.prod) > 0 AND NOT coalesce(bool_or(p.third_party), false)
            AND NOT coalesce(bool_or(p.reservation), false) AND NOT coalesce(bool_or(p.spot), false) AS listed_ok
        FROM (SELECT DISTINCT prod, sku, meter, d FROM lines WHERE ok) k
        LEFT JOIN prices p ON p.prod = k.prod AND p.sku = k.sku
          AND (len(p.meters) = 0 OR list_contains(p.meters, k.meter))
          AND (p.s IS NULL OR p.s <= k.d) AND (p.e IS NULL OR k.d <= p.e)
        GROUP BY ALL
      ),
      agreement AS (
        SELECT k.mpn, k.d, count(a.pid) > 0 AS active
        FROM (SELECT DISTINCT mpn, d FROM lines WHERE ok) k
        LEFT JOIN partner_rows a ON a.pid = k.mpn AND (a.s IS NULL OR a.s <= k.d) AND (a.e IS NULL OR k.d <= a.e)
        GROUP BY ALL
      ),
      need AS (
        SELECT k.rkey, k.mpn, k.t2, k.d, coalesce(ob.org, k.mpn) AS borg,
          CASE WHEN k.t2 = '' THEN NULL ELSE coalesce(orr.org, k.t2) END AS rorg
        FROM (SELECT DISTINCT rkey, mpn, t2, d FROM lines WHERE ok) k
        LEFT JOIN orgs ob ON ob.pid = k.mpn
        LEFT JOIN orgs orr ON orr.pid = k.t2
      ),
      reach AS (
        SELECT r.rkey, q.org, q.s, q.e
        FROM (SELECT rkey, unnest(ancestors(rkey)) AS akey FROM (SELECT DISTINCT rkey FROM lines WHERE ok)) r
        JOIN qualifying q ON q.skey = r.akey
      ),
      held AS (
        SELECT n.rkey, n.mpn, n.t2, n.d, h.s, h.e,
          max(h.e) OVER (PARTITION BY n.rkey, n.mpn, n.t2, n.d ORDER BY h.s
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end_before
        FROM need n
        JOIN reach h ON h.rkey = n.rkey AND (h.org = n.borg OR h.org = n.rorg)
          AND h.s < CAST(n.d + 1 AS TIMESTAMP) AND h.e > CAST(n.d AS TIMESTAMP)
      ),
      covered AS (
        SELECT rkey, mpn, t2, d
        FROM held
        GROUP BY ALL
        HAVING min(s) <= CAST(d AS TIMESTAMP) AND max(e) >= CAST(d + 1 AS TIMESTAMP)
          AND bool_and(latest_end_before IS NULL OR s <= latest_end_before)
      ),
      verdict AS (
        SELECT l.*,
          l.ok AND NOT l.pre_benefit_excluded AND NOT l.has_benefit AND p.listed_ok AND a.active
            AND c.rkey IS NOT NULL AS eligible,
          -- prepaid (rules §8): the reason is BENEFIT_COVERED, no earlier product rule applies; every amount is 0
          @PREPAID@ AND l.ok AND p.listed_ok AND NOT l.pre_benefit_excluded AND l.has_benefit AS prepaid
        FROM lines l
        LEFT JOIN product p ON p.prod = l.prod AND p.sku = l.sku AND p.meter = l.meter AND p.d = l.d
        LEFT JOIN agreement a ON a.mpn = l.mpn AND a.d = l.d
        LEFT JOIN covered c ON c.rkey = l.rkey AND c.mpn = l.mpn AND c.t2 = l.t2 AND c.d = l.d
      ),
      priced AS (
        -- 1 − r and the paid share as DECIMAL(3, 2): a CASE over products of different scales would round
        SELECT *, CASE WHEN eligible THEN 0.85 WHEN prepaid THEN 0.00 ELSE 1.00 END AS keep,
          CASE WHEN prepaid THEN 0.00 ELSE 1.00 END AS paid
        FROM verdict
      )
      """;

  /** The statement per billing currency (after {@link #CTES}). */
  private static final String STATEMENT = """
      SELECT bc,
        count(*) FILTER (WHERE NOT ok) AS rejected,
        count(*) FILTER (WHERE ok) AS evaluated,
        count(*) FILTER (WHERE eligible) AS eligible,
        coalesce(sum(price * paid * qty) FILTER (WHERE ok), 0) AS list_cost,
        coalesce(sum(price * keep * qty) FILTER (WHERE ok), 0) AS pricing_pre_tax_total,
        coalesce(sum(price * qty * 0.15) FILTER (WHERE eligible), 0) AS credit,
        coalesce(sum(floor(price * keep * qty * fx * 100) * 0.01) FILTER (WHERE ok), 0) AS billing_pre_tax_total,
        coalesce(sum(floor(price * qty * fx * 100) * 0.01 - floor(price * 0.85 * qty * fx * 100) * 0.01)
          FILTER (WHERE eligible), 0) AS billing_credit
      FROM priced
      GROUP BY bc
      """;

  /**
   * The per-line table as {@code pec credit} writes it, in input order (after {@link #CTES}): the same columns
   * except that {@code Reason} is only ELIGIBLE, NOT_ELIGIBLE or REJECTED, {@code Detail} is empty, and
   * {@code Line} counts the records DuckDB could split into the header's fields (a record with another field
   * count is dropped, as {@code store_rejects} drops it).
   */
  private static final String PER_LINE = """
      SELECT n AS Line, CustomerId, EntitlementId, ResourceURI,
        CASE WHEN ok THEN strftime(d, '%Y-%m-%d') ELSE UsageDate END AS UsageDate, MeterId,
        Quantity, UnitPrice,
        CASE WHEN NOT ok THEN 'REJECTED' WHEN eligible THEN 'ELIGIBLE' ELSE 'NOT_ELIGIBLE' END AS Reason,
        CASE WHEN ok THEN CASE WHEN eligible THEN 15 ELSE 0 END END AS PecPercentage,
        CASE WHEN ok THEN price * keep END AS EffectiveUnitPrice,
        CASE WHEN ok THEN price * paid * qty END AS ListCost,
        CASE WHEN ok THEN price * keep * qty END AS PricingPreTaxTotal,
        CASE WHEN ok THEN CASE WHEN eligible THEN price * qty * 0.15 ELSE 0 END END AS Credit,
        CASE WHEN ok THEN floor(price * keep * qty * fx * 100) * 0.01 END AS BillingPreTaxTotal,
        CASE WHEN ok THEN CASE WHEN eligible
          THEN floor(price * qty * fx * 100) * 0.01 - floor(price * 0.85 * qty * fx * 100) * 0.01 ELSE 0 END
          END AS BillingCredit,
        bc AS BillingCurrency, '' AS Detail
      FROM priced
      ORDER BY n
      """;

  private static final String STRUCTURAL_REJECTS =
      "SELECT count(DISTINCT line_byte_position) FROM reject_errors";

  private final List<String> statements;
  private final String statement;
  private final String perLine;

  private DuckDbStatement(List<String> statements, String statement, String perLine) {
    this.statements = statements;
    this.statement = statement;
    this.perLine = perLine;
  }

  /**
   * Prepares the SQL for a month (untimed): reads the usage file's header for the column list and names the
   * files.
   *
   * @param roles the role catalogue as a CSV file ({@code role_name_en,role_definition_id,pec_eligible})
   */
  static DuckDbStatement of(BenchMonth m, Path roles) {
    return of(m, roles, false);
  }

  /**
   * As {@link #of(BenchMonth, Path)}; with {@code perLine} the lines keep their record order and raw identifying
   * columns, for {@link #writePerLine(int, Path)}.
   */
  static DuckDbStatement of(BenchMonth m, Path roles, boolean perLine) {
    String columns = header(m.usage()).stream().map(c -> literal(c) + ": 'VARCHAR'")
        .collect(Collectors.joining(", ", "{", "}"));
    String lines = LINES.replace("@USAGE@", literal(m.usage().toString())).replace("@COLUMNS@", columns)
        .replace("@QUANTITY@", QUANTITY).replace("@PRICE@", PRICE).replace("@FX@", FX)
        .replace("@ROWNUM@", perLine ? "row_number() OVER () AS n, " : "").replace("@N@", perLine ? "n," : "")
        .replace("@ECHO@", perLine
            ? ", CustomerId, EntitlementId, ResourceURI, UsageDate, MeterId, Quantity, UnitPrice" : "");
    String partners = PARTNERS.replace("@PARTNERS@", literal(m.partners().toString()));
    String ctes = CTES.replace("@ROLES@", literal(roles.toString()))
        .replace("@GRANTS@", literal(m.grants().toString())).replace("@PRICES@", literal(m.prices().toString()))
        .replace("@PREPAID@", Boolean.toString(benefitIsPrepaid()));
    List<String> setup = new java.util.ArrayList<>();
    for (String macro : MACROS.split(";\\s*\n")) {
      if (!macro.isBlank()) {
        setup.add(macro);
      }
    }
    setup.add(lines);
    setup.add(partners);
    return new DuckDbStatement(List.copyOf(setup), ctes + STATEMENT, ctes + PER_LINE);
  }

  /**
   * Whether the openpec under test bills benefit-covered usage at 0 (rules §8, settled later than the first
   * engine): one such line is evaluated, so that the SQL models the same reading.
   */
  static boolean benefitIsPrepaid() {
    org.openpec.model.UsageLine line = org.openpec.model.UsageLine.builder().customerId("c").billedPartnerId("p")
        .subscriptionId("s").entitlementId("e").usageDate(java.time.LocalDate.of(2026, 3, 1)).productId("P")
        .skuId("S").meterId("m").quantity(BigDecimal.ONE).unitPrice(BigDecimal.ONE).pricingCurrency("USD")
        .billingCurrency("USD").pcToBcExchangeRate(BigDecimal.ONE).benefitType("Reservation").build();
    org.openpec.LineResult r = org.openpec.PecCalculator.builder().build().evaluate(line);
    return r.reason() == org.openpec.rules.Reason.BENEFIT_COVERED && r.amounts().listCost().signum() == 0;
  }

  /** Loads the DuckDB driver and its native library once, outside any timing. */
  static String warmUp() {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version()")) {
      r.next();
      return r.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB cannot start: " + e.getMessage(), e);
    }
  }

  /**
   * (d) Runs the whole computation on a fresh in-memory database with {@code threads} threads: CSV in →
   * statement.
   */
  EngineFigures run(int threads) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET preserve_insertion_order = false");
      for (String sql : statements) {
        s.execute(sql);
      }
      try (ResultSet r = s.executeQuery(ORG_CONFLICTS)) {
        r.next();
        if (r.getLong(1) > 0) {
          throw new IllegalStateException("the partners file maps a partner ID to two organisations: the DuckDB "
              + "statement does not model which row wins");
        }
      }
      long rejected = 0;
      long records = 0;
      long eligible = 0;
      SortedMap<String, EngineFigures.Money> money = new TreeMap<>();
      try (ResultSet r = s.executeQuery(statement)) {
        while (r.next()) {
          long evaluated = r.getLong("evaluated");
          rejected += r.getLong("rejected");
          records += r.getLong("rejected") + evaluated;
          eligible += r.getLong("eligible");
          if (evaluated > 0) {
            money.put(r.getString("bc"), new EngineFigures.Money(evaluated, decimal(r, "list_cost"),
                decimal(r, "pricing_pre_tax_total"), decimal(r, "credit"), decimal(r, "billing_pre_tax_total"),
                decimal(r, "billing_credit")));
          }
        }
      }
      try (ResultSet r = s.executeQuery(STRUCTURAL_REJECTS)) {
        r.next();
        rejected += r.getLong(1);
        records += r.getLong(1);
      }
      return new EngineFigures("DuckDB (" + threads + " thread" + (threads == 1 ? "" : "s") + ")", records,
          rejected, eligible, money);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
    }
  }

  /**
   * DuckDB writing the per-line CSV ({@link #PER_LINE}) to {@code out} in input order, on a fresh in-memory
   * database with {@code threads} threads.
   *
   * @return the rows written
   */
  long writePerLine(int threads, Path out) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET preserve_insertion_order = true");
      for (String sql : statements) {
        s.execute(sql);
      }
      return s.executeUpdate("COPY (" + perLine + ") TO " + literal(out.toString()) + " (HEADER, DELIMITER ',')");
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
    }
  }

  private static BigDecimal decimal(ResultSet r, String column) throws SQLException {
    return r.getBigDecimal(column);
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static List<String> header(Path usage) {
    try (InputStream in = Files.newInputStream(usage);
        CsvReader<CsvRecord> r = CsvReader.builder().detectBomHeader(true).skipEmptyLines(true)
            .ofCsvRecord(in, StandardCharsets.UTF_8)) {
      Iterator<CsvRecord> it = r.iterator();
      if (!it.hasNext()) {
        throw new IllegalStateException(usage + ": empty file");
      }
      return it.next().getFields().stream().map(String::trim).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(usage + ": cannot read the header", e);
    }
  }
}
