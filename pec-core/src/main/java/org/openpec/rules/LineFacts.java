package org.openpec.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.openpec.model.AccessGrant;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceListEntry;
import org.openpec.model.RoleCatalog;
import org.openpec.model.UsageLine;
import org.openpec.time.Interval;

/**
 * Everything the rules may look at for one usage line: the line, its price-list entries, the partners, and the
 * grants that reach its scope on its usage day.
 *
 * <p>An interface, so that facts can be computed on demand (the calculator looks up grants and price-list rows
 * only when a rule asks) and so that a fact added later is a default method that breaks no caller.
 * {@link #grants()} holds the grants whose scope covers the line's resource (directly, through an ancestor scope
 * or a management group above its subscription) and whose interval overlaps the usage day; nothing else has been
 * filtered. Implementations are immutable in what they answer, and thread-safe.
 */
public interface LineFacts {

  /** {@return the usage line} */
  UsageLine line();

  /** {@return the UTC usage day {@code [D 00:00Z, D+1 00:00Z)}} */
  Interval day();

  /** {@return the price-list entries matching the line on its day; empty when no price list is given} */
  Optional<List<PriceListEntry>> priceEntries();

  /** {@return the grants reaching the line's scope on its day, in input order} */
  List<AccessGrant> grants();

  /** {@return the role catalogue} */
  RoleCatalog roles();

  /** {@return the partner organisations and agreements} */
  PartnerDirectory partners();

  /** {@return how the surviving grants must cover the day} */
  CoveragePolicy coverage();

  /** {@return whether a price list was given} */
  default boolean hasPriceList() {
    return priceEntries().isPresent();
  }

  /**
   * The price-list entries of the line's product, SKU and meter whatever their dates (empty when no price list
   * is given): a superset of {@link #priceEntries()} that rules filter with {@code isInForceOn(line().usageDate())}
   * when they would rather not have the filtered list built.
    *
    * @return the entries; empty when no price list is given
   */
  default List<PriceListEntry> priceEntriesAnyDay() {
    return priceEntries().orElse(List.of());
  }

  /**
   * A value that is equal for two facts exactly when the access funnel must give them the same verdict: the same
   * grants reaching on the same day, the same billed and reseller organisations, roles and coverage. Rules key
   * what they remember of the funnel on it.
    *
    * @return the key
   */
  default Object accessKey() {
    UsageLine l = line();
    return new DefaultAccessKey(grants(), day(), partners().organizationOf(l.billedPartnerId()),
        l.reseller().map(partners()::organizationOf).orElse(""), coverage(), roles(), partners());
  }

  /**
   * The value {@code owner} remembered for {@code key}, or {@code compute}'s value for these facts; a calculator
   * remembers a bounded number of values across the lines it evaluates, these default facts remember nothing. A rule may remember only what
   * is a pure function of the key: remembering changes how fast a verdict is found, never what it is.
   *
   * @param <T> the type of the value
   * @param owner who remembers (a rule), so that the values of two rules never mix
   * @param key what the value is a function of
   * @param compute computes the value from these facts
   * @return the remembered or computed value
   */
  default <T> T remember(Object owner, Object key, Function<LineFacts, T> compute) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(key, "key");
    return compute.apply(this);
  }

  /**
   * The facts of {@code line} with the given grants, the bundled role catalogue, no partners file and union
   * coverage: a convenience for tests and small programs.
   *
   * @param line the usage line
   * @param priceEntries the price-list entries of the line on its day; empty when no price list is given
   * @param grants the grants, in input order
   * @return the facts
   */
  static LineFacts of(UsageLine line, Optional<List<PriceListEntry>> priceEntries, List<AccessGrant> grants) {
    return of(line, priceEntries, grants, RoleCatalog.bundled(), PartnerDirectory.assumeAllActive(),
        CoveragePolicy.UNION);
  }

  /**
   * {@return the facts of {@code line}, its day the UTC day of its usage date}
   *
   * @param line the usage line
   * @param priceEntries the price-list entries of the line on its day; empty when no price list is given
   * @param grants the grants, in input order
   * @param roles the role catalogue
   * @param partners the partner directory
   * @param coverage how the grants must cover the day
   */
  static LineFacts of(UsageLine line, Optional<List<PriceListEntry>> priceEntries, List<AccessGrant> grants,
      RoleCatalog roles, PartnerDirectory partners, CoveragePolicy coverage) {
    return new GivenFacts(line, Interval.utcDay(line.usageDate()), priceEntries, List.copyOf(grants), roles, partners,
        coverage);
  }
}
