package org.openpec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Nested
  class Canonicalisation {
    @Test
    void dropsSurroundingSpacesRepeatedAndTrailingSlashes() {
      assertThat(Scope.parse("  //subscriptions//S/resourceGroups/rg1/ ").path())
          .isEqualTo("/subscriptions/S/resourceGroups/rg1");
    }

    @Test
    void addsTheLeadingSlash() {
      assertThat(Scope.parse("subscriptions/S").path()).isEqualTo("/subscriptions/S");
    }

    @Test
    void trimsSegments() {
      assertThat(Scope.parse("/subscriptions/ S /resourceGroups/rg1").path())
          .isEqualTo("/subscriptions/S/resourceGroups/rg1");
    }

    @Test
    void keepsTheCaseForDisplayAndComparesWithoutIt() {
      Scope upper = Scope.parse("/SUBSCRIPTIONS/S");
      Scope lower = Scope.parse("/subscriptions/s");
      assertThat(upper.path()).isEqualTo("/SUBSCRIPTIONS/S");
      assertThat(upper).hasToString("/SUBSCRIPTIONS/S");
      assertThat(upper.key()).isEqualTo("/subscriptions/s");
      assertThat(upper).isEqualTo(lower).hasSameHashCodeAs(lower);
    }

    @Test
    void emptyTextAndLoneSlashesAreTheRoot() {
      assertThat(Scope.parse("").isRoot()).isTrue();
      assertThat(Scope.parse(" / ").isRoot()).isTrue();
      assertThat(Scope.parse("///").path()).isEqualTo("/");
      assertThat(Scope.parse("/subscriptions").isRoot()).isFalse();
    }

    @Test
    void subscriptionAndManagementGroupFactoriesBuildTheirArmIds() {
      assertThat(Scope.subscription(" S ").path()).isEqualTo("/subscriptions/S");
      assertThat(Scope.managementGroup("mg1").path())
          .isEqualTo("/providers/Microsoft.Management/managementGroups/mg1");
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException().isThrownBy(() -> Scope.parse(null)).withMessageContaining("scope");
    }
  }

  @Nested
  class Ancestry {
    private final Scope sub = Scope.parse("/subscriptions/a");

    @Test
    void aScopeCoversItselfAndEverythingBelowIgnoringCase() {
      assertThat(sub.covers(Scope.parse("/subscriptions/a"))).isTrue();
      assertThat(sub.covers(Scope.parse("/Subscriptions/A/resourceGroups/g"))).isTrue();
      assertThat(Scope.parse("/SUBSCRIPTIONS/A/RESOURCEGROUPS/G")
          .covers(Scope.parse("/subscriptions/a/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm1")))
          .isTrue();
    }

    @Test
    void subscriptionADoesNotCoverSubscriptionAb() {
      assertThat(sub.covers(Scope.parse("/subscriptions/ab"))).isFalse();
      assertThat(sub.covers(Scope.parse("/subscriptions/ab/resourceGroups/g"))).isFalse();
      assertThat(Scope.parse("/subscriptions/a/resourceGroups/rg1")
          .covers(Scope.parse("/subscriptions/a/resourceGroups/rg10"))).isFalse();
    }

    @Test
    void aChildDoesNotCoverItsParent() {
      assertThat(Scope.parse("/subscriptions/a/resourceGroups/g").covers(sub)).isFalse();
    }

    @Test
    void theRootCoversNothingNotEvenItself() {
      Scope root = Scope.parse("/");
      assertThat(root.covers(sub)).isFalse();
      assertThat(root.covers(root)).isFalse();
      assertThat(root.ancestorKeys()).isEmpty();
    }

    @Test
    void ancestorKeysRunFromTheScopeToItsFirstSegment() {
      assertThat(Scope.parse("/subscriptions/A/resourceGroups/G").ancestorKeys()).containsExactly(
          "/subscriptions/a/resourcegroups/g", "/subscriptions/a/resourcegroups", "/subscriptions/a", "/subscriptions");
    }
  }

  @Nested
  class ManagementGroups {
    @Test
    void areRecognisedIgnoringCase() {
      Scope mg = Scope.parse("/providers/microsoft.management/MANAGEMENTGROUPS/Contoso-Root/");
      assertThat(mg.isManagementGroup()).isTrue();
      assertThat(mg.managementGroupKey()).isEqualTo("contoso-root");
    }

    @Test
    void needANameAndNothingBelowIt() {
      assertThat(Scope.parse("/providers/Microsoft.Management/managementGroups").isManagementGroup()).isFalse();
      assertThat(Scope.parse("/providers/Microsoft.Management/managementGroups/mg/x").isManagementGroup()).isFalse();
      assertThat(Scope.parse("/subscriptions/a").isManagementGroup()).isFalse();
      assertThat(Scope.parse("/subscriptions/a").managementGroupKey()).isEmpty();
    }

    @Test
    void coverNoSubscriptionByTheirPath() {
      assertThat(Scope.managementGroup("mg").covers(Scope.parse("/subscriptions/a"))).isFalse();
    }
  }

  @Nested
  class Hardening {
    @Test
    void foldsOnlyAsciiCaseSoTheKelvinSignIsNotK() {
      // U+212A KELVIN SIGN lower-cases to 'k' in Java's root locale; Azure compares ordinal ignore-case (ASCII)
      Scope kelvin = Scope.parse("/subscriptions/\u212Aa");
      assertThat(kelvin).isNotEqualTo(Scope.parse("/subscriptions/ka"));
      assertThat(Scope.parse("/subscriptions/ka").covers(kelvin)).isFalse();
      assertThat(Scope.parse("/subscriptions/KA")).isEqualTo(Scope.parse("/subscriptions/ka"));
      assertThat(Scope.parse("/subscriptions/\u00C9").key()).isEqualTo("/subscriptions/\u00C9");
    }

    @Test
    void malformedGrantScopesAreNamed() {
      assertThat(Scope.malformation("/subscriptions/")).hasValueSatisfying(m -> assertThat(m).contains("subscriptions"));
      assertThat(Scope.malformation("/subscriptions")).isPresent();
      assertThat(Scope.malformation("/subscriptions//resourceGroups/g")).hasValueSatisfying(
          m -> assertThat(m).contains("empty segment"));
      assertThat(Scope.malformation("subscriptions/S")).hasValueSatisfying(m -> assertThat(m).contains("start with /"));
      assertThat(Scope.malformation("/subscriptions/S/../T")).hasValueSatisfying(m -> assertThat(m).contains(".."));
      assertThat(Scope.malformation("/subscriptions/S/./x")).isPresent();
      assertThat(Scope.malformation("/subscriptions/S/resourceGroups/")).isPresent();
      assertThat(Scope.malformation("/providers/Microsoft.Management/managementGroups/")).isPresent();
      assertThat(Scope.malformation("")).isPresent();
      assertThat(Scope.malformation("  ")).isPresent();
    }

    @Test
    void wellFormedGrantScopesPass() {
      assertThat(Scope.malformation("/")).isEmpty();
      assertThat(Scope.malformation("/subscriptions/S")).isEmpty();
      assertThat(Scope.malformation("/subscriptions/S/")).isEmpty();
      assertThat(Scope.malformation(" /subscriptions/S/resourceGroups/rg1 ")).isEmpty();
      assertThat(Scope.malformation("/providers/Microsoft.Management/managementGroups/mg")).isEmpty();
      assertThat(Scope.malformation("/subscriptions/S/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/v"))
          .isEmpty();
    }

    @Test
    void orderComparesSegmentBySegmentAndIgnoresCase() {
      Scope rg = Scope.parse("/subscriptions/S/resourceGroups/rg");
      Scope child = Scope.parse("/subscriptions/S/resourceGroups/rg/providers/X/y/z");
      Scope sibling = Scope.parse("/subscriptions/S/resourceGroups/rg-b");
      assertThat(Scope.ORDER.compare(rg, child)).isNegative();
      assertThat(Scope.ORDER.compare(child, sibling)).isNegative();
      assertThat(Scope.ORDER.compare(sibling, rg)).isPositive();
      assertThat(Scope.ORDER.compare(rg, Scope.parse("/SUBSCRIPTIONS/s/resourcegroups/RG"))).isZero();
      assertThat(Scope.ORDER.compare(Scope.parse("/subscriptions/a"), Scope.parse("/subscriptions/b"))).isNegative();
    }
  }
}
