package org.openpec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpec.model.PartnerDirectory.Membership;

class PartnerDirectoryTest {

  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  private static Membership row(String partner, String org, String start, String end) {
    return new Membership(partner, org, Optional.ofNullable(start).map(LocalDate::parse),
        Optional.ofNullable(end).map(LocalDate::parse));
  }

  @Nested
  class WithoutAPartnersFile {
    private final PartnerDirectory none = PartnerDirectory.assumeAllActive();

    @Test
    void everyPartnerHasAnAgreementOnEveryDay() {
      assertThat(none.isAssumingAllActive()).isTrue();
      assertThat(none.hasAgreementOn("P", d("1999-01-01"))).isTrue();
      assertThat(none.hasAgreementOn("anyone", d("2026-03-05"))).isTrue();
    }

    @Test
    void everyPartnerIsItsOwnOrganisation() {
      assertThat(none.organizationOf("P")).isEqualTo(none.organizationOf(" p "));
      assertThat(none.organizationOf("P")).isNotEqualTo(none.organizationOf("R"));
    }
  }

  @Nested
  class AgreementPeriods {
    @Test
    void includeBothBounds() {
      PartnerDirectory dir = PartnerDirectory.of(List.of(row("P", "", "2026-03-01", "2026-03-31")));
      assertThat(dir.isAssumingAllActive()).isFalse();
      assertThat(dir.hasAgreementOn("P", d("2026-02-28"))).isFalse();
      assertThat(dir.hasAgreementOn("P", d("2026-03-01"))).isTrue();
      assertThat(dir.hasAgreementOn("P", d("2026-03-31"))).isTrue();
      assertThat(dir.hasAgreementOn("P", d("2026-04-01"))).isFalse();
    }

    @Test
    void anEmptyBoundIsOpen() {
      PartnerDirectory dir = PartnerDirectory.of(List.of(row("P", "", null, "2026-03-05"), row("R", "", "2026-03-05",
          null), row("X", "", null, null)));
      assertThat(dir.hasAgreementOn("P", d("1900-01-01"))).isTrue();
      assertThat(dir.hasAgreementOn("P", d("2026-03-06"))).isFalse();
      assertThat(dir.hasAgreementOn("R", d("2026-03-04"))).isFalse();
      assertThat(dir.hasAgreementOn("R", d("2999-12-31"))).isTrue();
      assertThat(dir.hasAgreementOn("X", d("2026-03-05"))).isTrue();
    }

    @Test
    void severalRowsAreSeveralPeriods() {
      PartnerDirectory dir = PartnerDirectory.of(List.of(row("P", "", "2026-01-01", "2026-01-31"),
          row("P", "", "2026-03-01", "2026-03-31")));
      assertThat(dir.hasAgreementOn("P", d("2026-01-15"))).isTrue();
      assertThat(dir.hasAgreementOn("P", d("2026-02-15"))).isFalse();
      assertThat(dir.hasAgreementOn("P", d("2026-03-15"))).isTrue();
    }

    @Test
    void aPartnerWithoutARowHasNoAgreement() {
      PartnerDirectory dir = PartnerDirectory.of(List.of(row("R", "", null, null)));
      assertThat(dir.hasAgreementOn("P", d("2026-03-05"))).isFalse();
    }

    @Test
    void partnerIdsCompareTrimmedIgnoringCase() {
      PartnerDirectory dir = PartnerDirectory.of(List.of(row(" p ", "", null, null)));
      assertThat(dir.hasAgreementOn("P", d("2026-03-05"))).isTrue();
    }

    @Test
    void mustNotEndBeforeTheyStart() {
      assertThatIllegalArgumentException().isThrownBy(() -> row("P", "", "2026-03-02", "2026-03-01"))
          .withMessageContaining("agreementEnd");
      assertThat(row("P", "", "2026-03-01", "2026-03-01").agreementEnd()).hasValue(d("2026-03-01"));
      assertThatIllegalArgumentException().isThrownBy(() -> row(" ", "", null, null))
          .withMessageContaining("partnerId");
    }
  }

  @Nested
  class Organisations {
    private final PartnerDirectory dir = PartnerDirectory.of(List.of(row("P-Seattle", "Contoso", null, null),
        row("P-Dublin", "contoso ", null, null), row("R", "", null, null)));

    @Test
    void mapSeveralPartnerIdsToOneOrganisation() {
      assertThat(dir.organizationOf("P-Seattle")).isEqualTo(dir.organizationOf("p-dublin"));
    }

    @Test
    void anUnlistedIdOrAnEmptyOrganisationIsItsOwnOrganisation() {
      assertThat(dir.organizationOf("R")).isEqualTo("r");
      assertThat(dir.organizationOf("X")).isEqualTo("x");
      assertThat(dir.organizationOf("X")).isNotEqualTo(dir.organizationOf("P-Seattle"));
    }

    @Test
    void shareOneNamespaceWithPartnerIds() {
      assertThat(dir.organizationOf("Contoso")).isEqualTo(dir.organizationOf("P-Seattle"));
    }
  }
}
