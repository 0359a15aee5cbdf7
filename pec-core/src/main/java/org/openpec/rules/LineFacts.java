package org.openpec.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openpec.model.AccessGrant;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceListEntry;
import org.openpec.model.RoleCatalog;
import org.openpec.model.UsageLine;
import org.openpec.time.Interval;
import org.openpec.time.UsageDays;

/**
 * Everything the rules may look at for one usage line: the line, its price-list entries, the partners, and the
 * grants that reach its scope on its usage day.
 *
 * <p>{@link #grants()} holds the grants whose scope covers the line's resource (directly, through an ancestor
 * scope or a management group above its subscription) and whose interval overlaps the usage day; nothing else
 * has been filtered. Immutable and thread-safe when its parts are.
 *
 * @param line the usage line
 * @param day the UTC usage day {@code [D 00:00Z, D+1 00:00Z)}
 * @param priceEntries the price-list entries matching the line on its day; empty when no price list is given
 * @param grants the grants reaching the line's scope on its day, in input order
 * @param roles the role catalogue
 * @param partners the partner organisations and agreements
 * @param coverage how the surviving grants must cover the day
 * @param memo where rules may reuse verdicts computed from equal facts ({@link Memo#none()} to compute every time)
 */
public record LineFacts(UsageLine line, Interval day, Optional<List<PriceListEntry>> priceEntries,
    List<AccessGrant> grants, RoleCatalog roles, PartnerDirectory partners, CoveragePolicy coverage, Memo memo) {

  /** Facts without a memo. */
  public LineFacts(UsageLine line, Interval day, Optional<List<PriceListEntry>> priceEntries,
      List<AccessGrant> grants, RoleCatalog roles, PartnerDirectory partners, CoveragePolicy coverage) {
    this(line, day, priceEntries, grants, roles, partners, coverage, Memo.none());
  }

  /** Validates the facts. */
  public LineFacts {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(priceEntries, "priceEntries");
    Objects.requireNonNull(grants, "grants");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(partners, "partners");
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(memo, "memo");
  }

  /** These facts with another memo. */
  public LineFacts withMemo(Memo other) {
    return new LineFacts(line, day, priceEntries, grants, roles, partners, coverage, other);
  }

  /**
   * The facts of {@code line} with the given grants, the bundled role catalogue, no partners file and union
   * coverage: a convenience for tests and small programs.
   */
  public static LineFacts of(UsageLine line, Optional<List<PriceListEntry>> priceEntries, List<AccessGrant> grants) {
    return new LineFacts(line, UsageDays.of(line.usageDate()), priceEntries, grants, RoleCatalog.bundled(),
        PartnerDirectory.assumeAllActive(), CoveragePolicy.UNION);
  }

  /** Whether a price list was given. */
  public boolean hasPriceList() {
    return priceEntries.isPresent();
  }
}
