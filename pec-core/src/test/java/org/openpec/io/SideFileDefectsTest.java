package org.openpec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpec.internal.io.GrantsCsv;
import org.openpec.internal.io.TextValues;
import org.openpec.model.AccessGrant;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.Scope;
import org.openpec.money.PecRate;

/** The defects of hostile side files (issue "adversarial defects"), each reproduced first. */
class SideFileDefectsTest {

  private static final String GRANTS_HEADER = "GrantId,PartnerId,Channel,PrincipalId,PrincipalType,RoleDefinitionId,"
      + "RoleName,Scope,Assignment,GrantedAt,RevokedAt";

  @TempDir
  Path dir;

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  @Nested
  class MalformedScopes {
    // D4: a grant at /subscriptions/ covered every resource of every customer
    @ParameterizedTest
    @ValueSource(strings = {"/subscriptions/", "/subscriptions", "subscriptions/S", "/subscriptions//resourceGroups/g",
        "/subscriptions/S/../T", "/subscriptions/S/resourceGroups/", "/providers/Microsoft.Management/managementGroups/"})
    void areBadRowsNeverGrants(String scope) throws IOException {
      Path p = file("grants.csv", GRANTS_HEADER + "\nG1,P,AOBO,g,,,Owner," + scope + ",,2026-02-20T08:00:00Z,\n"
          + "G2,P,AOBO,g,,,Owner,/subscriptions/S,,2026-02-20T08:00:00Z,\n");
      Loaded<List<AccessGrant>> loaded = SideFiles.grants(p);
      assertThat(loaded.value()).extracting(AccessGrant::grantId).containsExactly("G2");
      assertThat(loaded.problems()).singleElement().satisfies(pr -> {
        assertThat(pr.line()).isEqualTo(2);
        assertThat(pr.column()).isEqualTo(8);
        assertThat(pr.message()).contains("is not a grant scope");
      });
    }
  }

  @Nested
  class DayFields {
    // D18: a partners row with such a date made every line AGREEMENT_INACTIVE
    @ParameterizedTest
    @ValueSource(strings = {"+99999-01-01", "-2026-03-01", "0000-01-01", "3/1/2026 25:00:00 PM", "3/1/2026 13:00:00 PM",
        "3/1/2026 0:30:00 AM", "3/1/2026 10:61:00", "1899-12-31", "2026-03-01T10:00:00[Europe/Paris]",
        "+2026-03-01", "20260301", "2026-3-1"})
    void refuseUndocumentedFormsAndYears(String day) throws IOException {
      assertThatThrownBy(() -> TextValues.parseDay(day)).isInstanceOf(IllegalArgumentException.class);
      Path p = file("partners.csv", "PartnerId,AgreementStart\nP," + day + "\nQ,2026-01-01\n");
      Loaded<PartnerDirectory> loaded = SideFiles.partners(p);
      assertThat(loaded.problems()).singleElement().satisfies(pr -> assertThat(pr.line()).isEqualTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01", "3/1/2026", "03/01/2026", "3/1/2026 12:00:00 AM", "3/1/2026 11:59:59 PM",
        "3/1/2026 23:59:59", "2026-03-01T00:00:00", "2026-03-01T23:00:00-00:30", "2026-03-01 10:00:00Z",
        "2026-03-02T00:30:00+01:00"})
    void acceptTheDocumentedForms(String day) {
      assertThat(TextValues.parseDay(day)).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void boundYearsAndInstantsToo() {
      assertThat(TextValues.parseDay("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
      assertThat(TextValues.parseDay("1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
      assertThatThrownBy(() -> TextValues.parseDay("1900-01-01T00:30:00+01:00"))
          .hasMessageContaining("year 1899");
      assertThatThrownBy(() -> TextValues.parseInstant("+99999-01-01T00:00:00Z"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> TextValues.parseInstant("-2026-01-01T00:00:00Z"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> TextValues.parseInstant("0000-01-01")).isInstanceOf(IllegalArgumentException.class);
      assertThat(TextValues.parseInstant("2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
      assertThat(TextValues.parseInstant("2026-03-01 10:00")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
      assertThat(TextValues.parseInstant("2026-03-01T10:00:00+01:00")).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    }
  }

  @Nested
  class ConflictingDuplicates {
    // D20: one rule, as for conflicting prices: equal repeats are harmless, different ones make the file unusable
    @Test
    void twoRatesOnOneDate() throws IOException {
      Path conflict = file("rates.csv", "EffectiveFrom,Percentage\n2026-01-01,15\n2026-01-01,17.5\n");
      assertThatThrownBy(() -> SideFiles.rates(conflict)).isInstanceOf(InputException.class)
          .hasMessageContaining("conflicting rates for 2026-01-01: line 2 says 15 %, line 3 says 17.5 %");
      Path repeat = file("rates2.csv", "EffectiveFrom,Percentage\n2026-01-01,15\n1/1/2026,15.0\n");
      Loaded<PecRate> loaded = SideFiles.rates(repeat);
      assertThat(loaded.problems()).isEmpty();
      assertThat(loaded.value().rateOn(LocalDate.of(2026, 2, 1))).isEqualByComparingTo("0.15");
    }

    @Test
    void aSubscriptionTwiceInTheHierarchy() throws IOException {
      Path conflict = file("h.csv", "SubscriptionId,ManagementGroups\nS,root/a\nT,root\ns,root/b\n");
      assertThatThrownBy(() -> SideFiles.hierarchy(conflict)).isInstanceOf(InputException.class)
          .hasMessageContaining("conflicting rows for subscription s: line 2 and line 4");
      Path repeat = file("h2.csv", "SubscriptionId,ManagementGroups\nS,root/a\ns,Root / A\n");
      assertThat(SideFiles.hierarchy(repeat).problems()).isEmpty();
    }

    @Test
    void aColumnTwiceInTheHeader() throws IOException {
      Path p = file("r.csv", "EffectiveFrom,Percentage,percentage\n2026-01-01,15,20\n");
      assertThatThrownBy(() -> SideFiles.rates(p)).isInstanceOf(InputException.class)
          .hasMessageContaining("column Percentage appears twice in the header (columns 2 and 3)");
      // a column that is not read may repeat
      Path unused = file("r2.csv", "EffectiveFrom,Percentage,Note,note\n2026-01-01,15,a,b\n");
      assertThat(SideFiles.rates(unused).problems()).isEmpty();
    }
  }

  @Nested
  class NeutralisedGrants {
    // D21: pec grants wrote =HYPERLINK(..) raw
    @Test
    void formulaCellsAreWrittenWithAnApostropheAndReadBackUnchanged() throws IOException {
      List<String> hostile = List.of("=HYPERLINK(\"http://x\")", "+1+2", "-cmd", "@SUM(A1)", "'=already", "''", "'",
          "'plain", "-5", "plain");
      StringWriter out = new StringWriter();
      try (GrantsCsv w = GrantsCsv.to(out)) {
        for (int i = 0; i < hostile.size(); i++) {
          w.write(AccessGrant.builder().grantId("G" + i).partnerId("P").channel(hostile.get(i))
              .principalId(hostile.get(i)).roleName(hostile.get(i)).scope(Scope.parse("/subscriptions/S"))
              .grantedAt(Instant.parse("2026-03-01T00:00:00Z")).build());
        }
      }
      String text = out.toString();
      assertThat(text).doesNotContain(",=HYPERLINK").contains("\"'=HYPERLINK").contains(",'+1+2").contains(",'-cmd")
          .contains(",'@SUM").contains(",''=already").contains(",-5,");
      Loaded<List<AccessGrant>> back = SideFiles.grants(file("g.csv", text));
      assertThat(back.problems()).isEmpty();
      assertThat(back.value()).extracting(AccessGrant::channel).containsExactlyElementsOf(hostile);
      assertThat(back.value()).extracting(AccessGrant::roleName).containsExactlyElementsOf(hostile);
    }

    @Test
    void escapeAndUnescapeAreInverse() {
      for (String v : List.of("", "'", "''", "'''", "'=", "=", "a", "'a", "\t'", "'\t", "-1", "-x", "'-1")) {
        assertThat(GrantsCsv.unescape(GrantsCsv.escape(v))).as(v).isEqualTo(v);
      }
    }
  }

  @Nested
  class ReaderMessages {
    // D25
    @Test
    void utf16WithoutBomIsNamedAsAnEncodingProblem() throws IOException {
      Path p = dir.resolve("rates.csv");
      Files.write(p, "EffectiveFrom,Percentage\n2026-01-01,15\n".getBytes(StandardCharsets.UTF_16LE));
      assertThatThrownBy(() -> SideFiles.rates(p)).isInstanceOf(InputException.class)
          .hasMessageContaining("not UTF-8 text").hasMessageContaining("UTF-16").hasMessageNotContaining("column");
    }

    @Test
    void everyMissingColumnIsNamed() throws IOException {
      assertThatThrownBy(() -> SideFiles.rates(file("r.csv", "Day,Pct\n2026-01-01,15\n")))
          .isInstanceOf(InputException.class)
          .hasMessageEndingWith("required columns EffectiveFrom, Percentage are missing");
      assertThatThrownBy(() -> SideFiles.grants(file("g.csv", "GrantId,RoleName\nG,Owner\n")))
          .hasMessageEndingWith("required columns Scope, GrantedAt are missing");
    }

    @Test
    void theRoleShownIsTheOneTheGuidDecides() throws IOException {
      // acdd72a7-3385-48ef-bd42-f606fba81ae7 is Reader; the row's RoleName says Owner, but the GUID decides
      Path p = file("g.csv", GRANTS_HEADER + "\nG1,P,AOBO,g,,acdd72a7-3385-48ef-bd42-f606fba81ae7,Owner,"
          + "/subscriptions/S,,2026-02-20T08:00:00Z,\nG2,P,AOBO,g,,,Owner,/subscriptions/S,,2026-02-20T08:00:00Z,\n"
          + "G3,P,AOBO,g,,00000000-0000-0000-0000-000000000000,Custom,/subscriptions/S,,2026-02-20T08:00:00Z,\n");
      assertThat(SideFiles.grants(p).value()).extracting(AccessGrant::roleLabel)
          .containsExactly("Reader", "Owner", "Custom");
    }

    @Test
    void controlCharactersOfACellAreNotEchoedRaw() throws IOException {
      Path p = file("rates.csv", "EffectiveFrom,Percentage\n2026-01-01,1\u00005\n");
      Loaded<PecRate> loaded = SideFiles.rates(p);
      assertThat(loaded.problems()).singleElement().satisfies(pr -> {
        assertThat(pr.message()).doesNotContain("\u0000").contains("1\\u00005");
        assertThat(pr.toString()).doesNotContain("\u0000");
      });
      assertThat(new InputProblem("f", 1, 1, "a\u001b]0;x\u0007b\nc").toString())
          .isEqualTo("f:1:1: a\\u001b]0;x\\u0007b\\u000ac");
    }
  }
}
