package org.openpec.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrincipalDirectoryTest {

  @Test
  void findsAPrincipalIgnoringCaseAndSurroundingSpaces() {
    PrincipalDirectory d = PrincipalDirectory.of(List.of(new PrincipalMapping(" 0A1B-x ", " 6034453 ", " AOBO ")));
    assertThat(d.find("0a1b-X")).contains(new PrincipalMapping("0A1B-x", "6034453", "AOBO"));
    assertThat(d.find("other")).isEmpty();
  }

  @Test
  void aPrincipalListedTwiceAlikeIsListedOnce() {
    PrincipalDirectory d = PrincipalDirectory.of(List.of(new PrincipalMapping("p", "1", "AOBO"),
        new PrincipalMapping("P", "1", "AOBO")));
    assertThat(d.mappings()).hasSize(1);
  }

  @Test
  void aPrincipalListedTwiceDifferentlyIsRejectedNamingBoth() {
    PrincipalDirectory d = PrincipalDirectory.empty().with(new PrincipalMapping("p", "1", "AOBO"));
    assertThatIllegalArgumentException().isThrownBy(() -> d.with(new PrincipalMapping("p", "2", "AOBO")))
        .withMessage("principal p is already mapped to partner \"1\" channel \"AOBO\", not to partner \"2\" "
            + "channel \"AOBO\"");
  }

  @Test
  void anEmptyPartnerIdIsAKnownUnattributedPrincipal() {
    assertThat(new PrincipalMapping("p", "", "").isAttributed()).isFalse();
    assertThat(new PrincipalMapping("p", "1", "").isAttributed()).isTrue();
    assertThatIllegalArgumentException().isThrownBy(() -> new PrincipalMapping(" ", "1", ""))
        .withMessageContaining("principalId");
  }
}
