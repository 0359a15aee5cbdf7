package org.openpec;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openpec.model.AccessGrant;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.model.RoleCatalog;
import org.openpec.model.UsageLine;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.LineFacts;
import org.openpec.time.Interval;

/**
 * The facts of one line as a calculator sees them, each looked up on first request: a rule that decides on the
 * product never makes the calculator look up grants. Confined to the thread that evaluates the line.
 */
final class CalculatorFacts implements LineFacts {

  private final PecCalculator calculator;
  private final UsageLine line;
  private final PriceList prices;
  private Interval day;
  private List<PriceListEntry> anyDay;
  private Optional<List<PriceListEntry>> entries;
  private List<AccessGrant> grants;

  CalculatorFacts(PecCalculator calculator, UsageLine line) {
    this.calculator = calculator;
    this.line = line;
    this.prices = calculator.priceList().orElse(null);
  }

  @Override
  public UsageLine line() {
    return line;
  }

  @Override
  public Interval day() {
    Interval d = day;
    if (d == null) {
      d = Interval.utcDay(line.usageDate());
      day = d;
    }
    return d;
  }

  @Override
  public boolean hasPriceList() {
    return prices != null;
  }

  @Override
  public List<PriceListEntry> priceEntriesAnyDay() {
    List<PriceListEntry> a = anyDay;
    if (a == null) {
      a = prices != null ? prices.entriesForMeter(line.productId(), line.skuId(), line.meterId()) : List.of();
      anyDay = a;
    }
    return a;
  }

  @Override
  public Optional<List<PriceListEntry>> priceEntries() {
    Optional<List<PriceListEntry>> e = entries;
    if (e == null) {
      e = calculator.priceList().map(p -> p.entriesFor(line));
      entries = e;
    }
    return e;
  }

  @Override
  public List<AccessGrant> grants() {
    List<AccessGrant> g = grants;
    if (g == null) {
      g = calculator.index().reaching(line.resource(), line.entitlementId(), calculator.hierarchy(), day());
      grants = g;
    }
    return g;
  }

  @Override
  public RoleCatalog roles() {
    return calculator.roles();
  }

  @Override
  public PartnerDirectory partners() {
    return calculator.partners();
  }

  @Override
  public CoveragePolicy coverage() {
    return calculator.coverage();
  }

  /**
   * The grants that can reach the resource (an array memoised per resource, so compared by identity), the day
   * and the partner IDs: within one calculator, exactly what the access funnel depends on.
   */
  @Override
  public Object accessKey() {
    return new AccessKey(calculator.index().candidates(line.resource(), line.entitlementId(), calculator.hierarchy()),
        line.usageDate(), line.billedPartnerId(), line.resellerPartnerId());
  }

  @Override
  public <T> T remember(Object owner, Object key, Function<LineFacts, T> compute) {
    return calculator.memo().get(owner, key, this, compute);
  }

  /** What the access funnel of a line depends on, given one calculator. */
  private record AccessKey(int[] candidates, LocalDate day, String billedPartnerId, String resellerPartnerId) {}
}
