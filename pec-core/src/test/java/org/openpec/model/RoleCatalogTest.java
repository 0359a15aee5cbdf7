package org.openpec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.openpec.Generators.CONTRIBUTOR_GUID;
import static org.openpec.Generators.OWNER_GUID;
import static org.openpec.Generators.READER_GUID;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RoleCatalogTest {

  private final RoleCatalog bundled = RoleCatalog.bundled();

  @Test
  void theBundledCatalogueHas122RolesOf98AreEligible() {
    List<Role> roles = bundled.roles();
    assertThat(roles).hasSize(122);
    assertThat(roles.stream().filter(Role::isPecEligible)).hasSize(98);
    assertThat(roles.stream().filter(r -> r.definitionId().isEmpty())).isEmpty();
  }

  @Test
  void readOnlyRolesAreNotEligibleAndWritingRolesAre() {
    assertThat(bundled.isPecEligible("", "Owner")).isTrue();
    assertThat(bundled.isPecEligible("", "Contributor")).isTrue();
    assertThat(bundled.isPecEligible("", "Reader")).isFalse();
  }

  @Nested
  class ByGuid {
    @Test
    void findsTheBareGuidIgnoringCase() {
      assertThat(bundled.find(OWNER_GUID.toUpperCase(), "")).map(Role::name).hasValue("Owner");
      assertThat(bundled.find(" " + CONTRIBUTOR_GUID + " ", "")).map(Role::name).hasValue("Contributor");
    }

    @Test
    void findsTheArmPathFormWhateverTheCaseOfItsSegmentName() {
      assertThat(bundled.find("/subscriptions/a/providers/Microsoft.Authorization/roleDefinitions/" + OWNER_GUID, ""))
          .map(Role::name).hasValue("Owner");
      assertThat(bundled.find("/SUBSCRIPTIONS/A/PROVIDERS/MICROSOFT.AUTHORIZATION/ROLEDEFINITIONS/"
          + READER_GUID.toUpperCase(), "")).map(Role::name).hasValue("Reader");
      assertThat(bundled.find("/providers/Microsoft.Authorization/roledefinitions/" + OWNER_GUID + "/", ""))
          .map(Role::name).hasValue("Owner");
    }

    @Test
    void aKnownGuidDecidesAloneWhateverTheNameSays() {
      assertThat(bundled.isPecEligible(READER_GUID, "Owner")).isFalse();
      assertThat(bundled.isPecEligible(OWNER_GUID, "Reader")).isTrue();
      assertThat(bundled.find(READER_GUID, "Owner")).map(Role::name).hasValue("Reader");
    }

    @Test
    void anUnknownGuidFallsBackToTheName() {
      assertThat(bundled.find("00000000-0000-0000-0000-000000000000", "Owner")).map(Role::name).hasValue("Owner");
      assertThat(bundled.isPecEligible("00000000-0000-0000-0000-000000000000", "Reader")).isFalse();
    }
  }

  @Nested
  class ByName {
    @Test
    void matchesIgnoringCaseAndSurroundingSpaces() {
      assertThat(bundled.find("", "  owner ")).map(Role::name).hasValue("Owner");
      assertThat(bundled.find(null, "CONTRIBUTOR")).map(Role::name).hasValue("Contributor");
    }

    @Test
    void doesNotMatchPartOfAName() {
      assertThat(bundled.find("", "Own")).isEmpty();
      assertThat(bundled.find("", "Owner X")).isEmpty();
    }
  }

  @Nested
  class UnknownRoles {
    @Test
    void areNotEligible() {
      assertThat(bundled.find("", "Billing Wizard")).isEmpty();
      assertThat(bundled.isPecEligible("", "Billing Wizard")).isFalse();
      assertThat(bundled.isPecEligible("11111111-2222-3333-4444-555555555555", "")).isFalse();
      assertThat(bundled.isPecEligible("", "")).isFalse();
    }

    @Test
    void earnOnceTheCallerAddsThem() {
      RoleCatalog custom = bundled.withRole(Role.of("Billing Wizard", "11111111-2222-3333-4444-555555555555", true));
      assertThat(custom.isPecEligible("", "billing wizard")).isTrue();
      assertThat(custom.isPecEligible("11111111-2222-3333-4444-555555555555", "")).isTrue();
      assertThat(custom.roles()).hasSize(123);
      assertThat(bundled.isPecEligible("", "Billing Wizard")).as("the bundled catalogue is unchanged").isFalse();
    }
  }

  @Test
  void withRoleOverridesABuiltInRoleByGuidAndByName() {
    RoleCatalog generous = bundled.withRole(Role.of("Reader", READER_GUID, true));
    assertThat(generous.isPecEligible(READER_GUID, "")).isTrue();
    assertThat(generous.isPecEligible("", "reader")).isTrue();
    assertThat(generous.roles()).hasSize(122);
    assertThat(bundled.isPecEligible(READER_GUID, "")).isFalse();
  }

  @Test
  void aRoleOverriddenByNameAloneChangesItsGuidEntryToo() {
    RoleCatalog generous = bundled.withRole(Role.of("reader", "", true));
    assertThat(generous.isPecEligible(READER_GUID, "")).isTrue();
    assertThat(generous.isPecEligible(READER_GUID, "Reader")).isTrue();
    assertThat(generous.isPecEligible("", "Reader")).isTrue();
    assertThat(generous.isPecEligible(OWNER_GUID, "")).isTrue();
    RoleCatalog strict = bundled.withRole(Role.of("Owner", "", false));
    assertThat(strict.isPecEligible(OWNER_GUID, "")).isFalse();
    assertThat(bundled.isPecEligible(OWNER_GUID, "")).isTrue();
  }

  @Test
  void theEmptyCatalogueMakesNothingEligible() {
    assertThat(RoleCatalog.empty().isPecEligible(OWNER_GUID, "Owner")).isFalse();
    RoleCatalog only = RoleCatalog.of(List.of(Role.of("Owner", OWNER_GUID, true)));
    assertThat(only.isPecEligible("", "Owner")).isTrue();
    assertThat(only.isPecEligible("", "Contributor")).isFalse();
  }

  @Test
  void rolesNeedANameAndNormaliseTheirGuid() {
    assertThatIllegalArgumentException().isThrownBy(() -> Role.of("  ", OWNER_GUID, true))
        .withMessageContaining("name");
    Role r = Role.of(" Owner ", "/providers/Microsoft.Authorization/roleDefinitions/" + OWNER_GUID.toUpperCase(), true);
    assertThat(r.name()).isEqualTo("Owner");
    assertThat(r.definitionId()).hasValue(OWNER_GUID);
    assertThat(Role.of("Custom", "", true).definitionId()).isEmpty();
    assertThat(r.withPecEligible(false).isPecEligible()).isFalse();
  }
}
