package org.openpec.examples.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A partner of the synthetic month: its partner ID (MpnId), name, Partner Center tenant and the object id of its
 * Admin Agents group (the AOBO principal). Immutable.
 */
final class Partner {

  /** The partner set is the same for every seed. */
  private static final long PARTNER_SEED = 0x9A27_0E25L;

  final String mpnId;
  final String name;
  final String tenantId;
  final String adminAgentsGroupId;
  final String lighthouseGroupId;
  final String invoiceNumber;

  private Partner(SplittableRandom r, String mpnId, String name) {
    this.mpnId = mpnId;
    this.name = name;
    this.tenantId = Ids.guid(r);
    this.adminAgentsGroupId = Ids.guid(r);
    this.lighthouseGroupId = Ids.guid(r);
    this.invoiceNumber = "G" + Ids.digits(r, 9);
  }

  /** The partners of every generated month. */
  static final class Set {
    /** A direct-bill partner. */
    final Partner direct;
    /** A direct-bill partner whose agreement lapses for a few days mid-month. */
    final Partner lapsing;
    /** An indirect provider. */
    final Partner provider;
    /** A second location (partner ID) of the provider's organisation. */
    final Partner providerSecondLocation;
    /** Indirect resellers of the provider. */
    final List<Partner> resellers;
    /** A partner that bills none of the customers but holds access to some. */
    final Partner other;

    Set() {
      SplittableRandom r = new SplittableRandom(PARTNER_SEED);
      direct = new Partner(r, "4914337", "Relecloud Managed Services");
      lapsing = new Partner(r, "4920581", "Litware Cloud Solutions");
      provider = new Partner(r, "5127806", "Wide World Distribution");
      providerSecondLocation = new Partner(r, "5127807", "Wide World Distribution EMEA");
      resellers = List.of(new Partner(r, "6034453", "Trey Research IT"),
          new Partner(r, "6048879", "Proseware Consulting"),
          new Partner(r, "6051212", "Lucerne IT Services"),
          new Partner(r, "6077310", "Alpine Systems Integrators"),
          new Partner(r, "6089924", "Coho Networks"));
      other = new Partner(r, "7003311", "Woodgrove Partners");
    }

    /** The first day of the lapsing partner's agreement gap (inclusive). */
    static LocalDate gapFirst(LocalDate firstDay, int days) {
      return firstDay.plusDays(days / 2);
    }

    /** The last day of the lapsing partner's agreement gap (inclusive): the gap is three days long. */
    static LocalDate gapLast(LocalDate firstDay, int days) {
      return gapFirst(firstDay, days).plusDays(2);
    }

    /**
     * Writes the partners file: every partner with an open agreement except the lapsing one, whose agreement ends
     * the day before the gap and restarts the day after it; the provider's two locations share one organisation.
     */
    void writePartners(Writer out, LocalDate firstDay, int days) throws IOException {
      Csv.writeRow(out, "PartnerId", "OrganizationId", "AgreementStart", "AgreementEnd");
      Csv.writeRow(out, direct.mpnId, direct.mpnId, "2019-07-01", "");
      LocalDate restart = gapLast(firstDay, days).plusDays(1);
      Csv.writeRow(out, lapsing.mpnId, lapsing.mpnId, "2021-02-01",
          gapFirst(firstDay, days).minusDays(1).toString());
      Csv.writeRow(out, lapsing.mpnId, lapsing.mpnId,
          restart.getMonthValue() + "/" + restart.getDayOfMonth() + "/" + restart.getYear(), "");
      Csv.writeRow(out, provider.mpnId, provider.mpnId, "2018-05-01", "");
      Csv.writeRow(out, providerSecondLocation.mpnId, provider.mpnId, "2020-09-15T00:00:00Z", "");
      int year = 2020;
      for (Partner reseller : resellers) {
        Csv.writeRow(out, reseller.mpnId, "", (year++) + "-01-01", "");
      }
      Csv.writeRow(out, other.mpnId, other.mpnId, "2017-01-01", "");
    }
  }
}
