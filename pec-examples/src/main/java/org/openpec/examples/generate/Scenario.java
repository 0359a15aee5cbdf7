package org.openpec.examples.generate;

/**
 * How a customer's access history unfolds over the month. The first customers of every month take the scenarios
 * in declaration order, so that even a small month shows each of them; later customers draw one by weight.
 */
enum Scenario {
  /** AOBO Owner on every subscription all month (sometimes held by the reseller). */
  HEALTHY(40),
  /** Indirect: only the reseller holds AOBO Owner. */
  RESELLER_HOLDS(10),
  /**
   * AOBO removed at 14:30 on day X; a Lighthouse ARM-template delegation two days later that is PAL-linked only
   * at 11:00 two thirds into the month.
   */
  REVOKED_REGRANTED(6),
  /** Reader, Cost Management Reader and a custom role only. */
  READER_ONLY(5),
  /**
   * Access at resource-group and resource level: half the groups by Lighthouse, some resources by linked
   * service principals, the subscription by AOBO until mid-month, with a handover to one group.
   */
  GRANULAR(10),
  /** A PIM-eligible Owner, activated 09:00–17:00 on some days. */
  PIM(4),
  /** Owner and Contributor held by customer-directory identities without a Partner Admin Link. */
  UNLINKED(4),
  /** The customer moved its administration to another partner; billing stayed. */
  OTHER_PARTNER(3),
  /** A Lighthouse Marketplace offer (attributed automatically). */
  LIGHTHOUSE_OFFER(8),
  /** Billed by the partner whose agreement lapses for three days. */
  AGREEMENT_GAP(2),
  /** Indirect: AOBO held by the provider's second partner ID (same organisation in the partners file). */
  SECOND_LOCATION(3),
  /** No grant reaches the month (one revoked before it, one exactly at its first midnight). */
  NO_GRANTS(2),
  /** AOBO revoked and re-granted within days: two partial days. */
  MIDDAY_GAPS(6);

  final int weight;

  Scenario(int weight) {
    this.weight = weight;
  }

  private static final Scenario[] ALL = values();
  private static final int TOTAL;

  static {
    int t = 0;
    for (Scenario s : ALL) {
      t += s.weight;
    }
    TOTAL = t;
  }

  /** The scenario of customer {@code index}: declaration order first, then by weight from {@code draw}. */
  static Scenario of(int index, int draw) {
    if (index < ALL.length) {
      return ALL[index];
    }
    int x = Math.floorMod(draw, TOTAL);
    for (Scenario s : ALL) {
      x -= s.weight;
      if (x < 0) {
        return s;
      }
    }
    throw new AssertionError();
  }
}
