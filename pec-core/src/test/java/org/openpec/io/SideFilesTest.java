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
import org.openpec.access.AccessFiles;
import org.openpec.access.ActivityLog;
import org.openpec.access.PrincipalDirectory;
import org.openpec.access.PrincipalMapping;
import org.openpec.access.RoleAssignmentSnapshot;
import org.openpec.internal.io.GrantsCsv;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceList;
import org.openpec.model.Scope;
import org.openpec.money.PecRate;

class SideFilesTest {

  @TempDir
  Path dir;

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  @Nested
  class Grants {
    static final String HEADER = "GrantId,PartnerId,Channel,PrincipalId,PrincipalType,RoleDefinitionId,RoleName,Scope,"
        + "Assignment,GrantedAt,RevokedAt";

    @Test
    void readsGoodRowsAndReportsEachBadRowWithItsPosition() throws IOException {
      Path p = file("grants.csv", HEADER + "\n"
          + "G1,P,AOBO,g1,ForeignGroup,,Owner,/subscriptions/S,,2026-02-20T08:00:00Z,\n"
          + "G2,,CUSTOMER_DIRECTORY,u1,User,b24988ac-6180-42a0-ab88-20f7382dd24c,,/subscriptions/S/resourceGroups/rg,"
          + "eligible,2026-03-01T00:00:00,2026-03-05T10:00:00+01:00\n"
          + "G3,P,AOBO,,,,Owner,/subscriptions/S,ACTIVE,not-a-time,\n"
          + "G4,P,AOBO,,,,Owner,/subscriptions/S,ACTIVE,2026-03-01T00:00:00Z,2026-03-01T00:00:00Z\n"
          + "G5,P,AOBO,,,,Owner,/subscriptions/S,MAYBE,2026-03-01T00:00:00Z,\n"
          + "G6,P,AOBO,,,,,/subscriptions/S,ACTIVE,2026-03-01T00:00:00Z,\n"
          + "G7,P,AOBO,,,,Owner,,ACTIVE,2026-03-01T00:00:00Z,\n"
          + "G8,P,AOBO,,,,Owner,/subscriptions/S,ACTIVE,2026-03-01T00:00:00Z\n");
      Loaded<List<AccessGrant>> loaded = SideFiles.grants(p);
      assertThat(loaded.rows()).isEqualTo(8);
      assertThat(loaded.value()).extracting(AccessGrant::grantId).containsExactly("G1", "G2");
      AccessGrant g2 = loaded.value().get(1);
      assertThat(g2.partnerId()).isEmpty();
      assertThat(g2.assignment()).isEqualTo(Assignment.ELIGIBLE);
      assertThat(g2.grantedAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
      assertThat(g2.revokedAt()).contains(Instant.parse("2026-03-05T09:00:00Z"));
      assertThat(loaded.problems()).extracting(InputProblem::toString).containsExactly(
          "grants.csv:4:10: GrantedAt must be an ISO-8601 instant, was \"not-a-time\"",
          "grants.csv:5:11: RevokedAt must be after GrantedAt, was 2026-03-01T00:00:00Z",
          "grants.csv:6:9: Assignment must be ACTIVE or ELIGIBLE, was \"MAYBE\"",
          "grants.csv:7:6: RoleDefinitionId or RoleName must not be empty",
          "grants.csv:8:8: Scope must not be empty",
          "grants.csv:9:0: record has 10 fields, the header has 11");
    }

    @Test
    void requiresScopeGrantedAtAndARoleColumn() throws IOException {
      assertThatThrownBy(() -> SideFiles.grants(file("g.csv", "GrantId,Scope,RoleName\n")))
          .isInstanceOf(InputException.class).hasMessageContaining("g.csv").hasMessageContaining("GrantedAt");
      assertThatThrownBy(() -> SideFiles.grants(file("g.csv", "GrantId,Scope,GrantedAt\n")))
          .isInstanceOf(InputException.class).hasMessageContaining("RoleDefinitionId or RoleName");
    }

    @Test
    void emptyGrantIdIsNamedByItsLine() throws IOException {
      Loaded<List<AccessGrant>> loaded = SideFiles.grants(file("g.csv",
          "Scope,GrantedAt,RoleName,GrantId\n/subscriptions/S,2026-03-01T00:00:00Z,Owner,\n"));
      assertThat(loaded.value().get(0).grantId()).isEqualTo("line-2");
    }

    @Test
    void writtenGrantsReadBackEqual() throws IOException {
      List<AccessGrant> grants = List.of(
          AccessGrant.builder().grantId("G1").partnerId("P").channel("AOBO").principalId("g").principalType("Group")
              .roleName("Owner").scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-02-20T08:00:00Z"))
              .build(),
          AccessGrant.builder().grantId("=G2").channel("LIGHTHOUSE_TEMPLATE").roleDefinitionId(
                  "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c")
              .scope(Scope.parse("/subscriptions/S/resourceGroups/rg, with comma")).assignment(Assignment.ELIGIBLE)
              .grantedAt(Instant.parse("2026-03-01T00:00:00.5Z")).revokedAt(Instant.parse("2026-03-05T10:00:00Z"))
              .build());
      StringWriter text = new StringWriter();
      try (GrantsCsv out = GrantsCsv.to(text)) {
        out.writeAll(grants);
      }
      Loaded<List<AccessGrant>> back = SideFiles.grants(file("back.csv", text.toString()));
      assertThat(back.problems()).isEmpty();
      assertThat(back.value()).isEqualTo(grants);
    }
  }

  @Nested
  class Prices {
    static final String HEADER = "ProductTitle,ProductId,SkuId,SkuTitle,Publisher,SkuDescription,UnitOfMeasure,"
        + "TermDuration,Market,Currency,UnitPrice,PricingTierRangeMin,PricingTierRangeMax,EffectiveStartDate,"
        + "EffectiveEndDate,MeterIds,MeterType,Tags";

    @Test
    void readsEntriesWithMetersTagsAndDates() throws IOException {
      Path p = file("prices.csv", HEADER + "\n"
          + "VM,prod,0001,D2s v3,Microsoft,,1 Hour,,US,USD,0.096,,,2026-01-01,2026-12-31,\"m1, M2;m3\",Consumption,\n"
          + "SendGrid,tp,0001,Std,Twilio,,1K,,US,USD,not-a-price,,,1/1/2026,,,Consumption,Third Party\n"
          + "Bad,bad,0001,,,,,,,,,,,2026-02-01,2026-01-01,,,\n");
      Loaded<PriceList> loaded = SideFiles.priceList(p, false);
      assertThat(loaded.value().size()).isEqualTo(2);
      assertThat(loaded.value().entriesFor("PROD", "0001", "m2", LocalDate.of(2026, 3, 5))).hasSize(1);
      assertThat(loaded.value().entriesFor("prod", "0001", "m4", LocalDate.of(2026, 3, 5))).isEmpty();
      assertThat(loaded.value().entriesFor("prod", "0001", "m1", LocalDate.of(2027, 1, 1))).isEmpty();
      assertThat(loaded.value().entriesFor("tp", "0001", "x", LocalDate.of(2030, 1, 1)).get(0).unitPrice()).isEmpty();
      assertThat(loaded.problems()).extracting(InputProblem::toString).containsExactly(
          "prices.csv:4:15: EffectiveEndDate must not be before EffectiveStartDate, was 2026-01-01");
    }

    @Test
    void underRepricingAPriceThatIsNotANumberMakesTheRowBad() throws IOException {
      Path p = file("prices.csv", HEADER + "\n"
          + "SendGrid,tp,0001,Std,Twilio,,1K,,US,USD,not-a-price,,,1/1/2026,,,Consumption,Third Party\n"
          + "VM,prod,0001,,,,,,,,0.5,1,x,,,,,\n");
      Loaded<PriceList> loaded = SideFiles.priceList(p, true);
      assertThat(loaded.value().size()).isZero();
      assertThat(loaded.problems()).extracting(InputProblem::column).containsExactly(11, 13);
      assertThatThrownBy(() -> SideFiles.priceList(file("p.csv", "ProductId,SkuId\n"), true))
          .isInstanceOf(InputException.class).hasMessageContaining("UnitPrice");
    }
  }

  @Nested
  class Partners {
    @Test
    void readsOrganisationsAndAgreementPeriods() throws IOException {
      Path p = file("partners.csv", "PartnerId,OrganizationId,AgreementStart,AgreementEnd\n"
          + "P1,ORG,2026-01-01,2026-03-10\nP1,ORG,2026-03-20,\nP2,org,,\nP3,,bad,\n");
      Loaded<PartnerDirectory> loaded = SideFiles.partners(p);
      PartnerDirectory d = loaded.value();
      assertThat(d.organizationOf("p1")).isEqualTo(d.organizationOf("P2"));
      assertThat(d.hasAgreementOn("P1", LocalDate.of(2026, 3, 10))).isTrue();
      assertThat(d.hasAgreementOn("P1", LocalDate.of(2026, 3, 11))).isFalse();
      assertThat(d.hasAgreementOn("P1", LocalDate.of(2026, 3, 20))).isTrue();
      assertThat(d.hasAgreementOn("P9", LocalDate.of(2026, 3, 20))).isFalse();
      assertThat(loaded.problems()).extracting(InputProblem::toString)
          .containsExactly("partners.csv:5:3: AgreementStart must be a date (yyyy-MM-dd, M/d/yyyy or ISO date-time), was \"bad\"");
    }
  }

  @Nested
  class RatesAndHierarchy {
    @Test
    void ratesApplyFromTheirDayAndNothingBefore() throws IOException {
      Loaded<PecRate> loaded = SideFiles.rates(file("rates.csv",
          "EffectiveFrom,Percentage\n2026-03-10,17.5\n2026-01-01,15\n2026-04-01,101\n"));
      PecRate r = loaded.value();
      assertThat(r.rateOn(LocalDate.of(2025, 12, 31))).isEqualByComparingTo("0");
      assertThat(r.rateOn(LocalDate.of(2026, 3, 9))).isEqualByComparingTo("0.15");
      assertThat(r.rateOn(LocalDate.of(2026, 3, 10))).isEqualByComparingTo("0.175");
      assertThat(loaded.problems()).hasSize(1);
      assertThat(loaded.problems().get(0).column()).isEqualTo(2);
    }

    @Test
    void hierarchyChainsAreReadRootFirst() throws IOException {
      var loaded = SideFiles.hierarchy(file("h.csv",
          "SubscriptionId,ManagementGroups\nS1,tenant-root/Contoso/prod\nS2,\n"));
      assertThat(loaded.value().groupsOf("s1")).containsExactly("tenant-root", "contoso", "prod");
      assertThat(loaded.problems()).extracting(InputProblem::column).containsExactly(2);
    }
  }

  @Test
  void everySideFileWithoutHeaderIsFatal() throws IOException {
    Path empty = file("empty.csv", "\uFEFF\n");
    assertThatThrownBy(() -> SideFiles.grants(empty)).isInstanceOf(InputException.class).hasMessageContaining("empty.csv");
    assertThatThrownBy(() -> SideFiles.priceList(empty, false)).isInstanceOf(InputException.class);
    assertThatThrownBy(() -> SideFiles.partners(empty)).isInstanceOf(InputException.class);
    assertThatThrownBy(() -> SideFiles.rates(empty)).isInstanceOf(InputException.class);
    assertThatThrownBy(() -> SideFiles.hierarchy(empty)).isInstanceOf(InputException.class);
  }

  @Nested
  class Principals {
    @Test
    void readsMappingsAndAKnownUnattributedPrincipal() throws IOException {
      Path p = file("principals.csv", "\uFEFFChannel,principalid,PartnerId,Note\n"
          + "AOBO, 9F1C2D3E-0000-4000-8000-00000000A0A0 ,6034453,admin agents\n"
          + "\n"
          + ",7e0f1a32-0000-4000-8000-00000000d3d3,,the customer's own admins\n");
      Loaded<PrincipalDirectory> loaded = SideFiles.principals(p);
      assertThat(loaded.problems()).isEmpty();
      assertThat(loaded.rows()).isEqualTo(2);
      assertThat(loaded.value().find("9f1c2d3e-0000-4000-8000-00000000a0a0")).contains(
          new PrincipalMapping("9F1C2D3E-0000-4000-8000-00000000A0A0", "6034453", "AOBO"));
      assertThat(loaded.value().find("7E0F1A32-0000-4000-8000-00000000D3D3")).hasValueSatisfying(m ->
          assertThat(m.isAttributed()).isFalse());
    }

    @Test
    void reportsBadRowsWithTheirPositionAndKeepsTheRest() throws IOException {
      Path p = file("principals.csv", "PrincipalId,PartnerId,Channel\n"
          + "a,6034453,AOBO\n"
          + ",6034453,AOBO\n"
          + "A,6034453,AOBO\n"
          + "b,6034453\n"
          + "c,6034453,AOBO\n");
      Loaded<PrincipalDirectory> loaded = SideFiles.principals(p);
      assertThat(loaded.problems()).extracting(InputProblem::toString).containsExactly(
          "principals.csv:3:1: PrincipalId must not be empty",
          "principals.csv:5:0: record has 2 fields, the header has 3");
      assertThat(loaded.value().mappings()).extracting(PrincipalMapping::principalId).containsExactly("a", "c");
      assertThat(loaded.value().find("A").orElseThrow().partnerId()).isEqualTo("6034453");
    }

    @Test
    void aPrincipalListedTwiceDifferentlyMakesTheFileUnusableNamingBothLines() throws IOException {
      // D20: one rule for conflicting duplicates, as for conflicting prices
      Path p = file("principals.csv", "PrincipalId,PartnerId,Channel\n"
          + "a,6034453,AOBO\n"
          + "A,1111111,AOBO\n");
      assertThatThrownBy(() -> SideFiles.principals(p)).isInstanceOf(InputException.class)
          .hasMessageContaining("conflicting rows for principal A: line 2 says partner \"6034453\" channel \"AOBO\", "
              + "line 3 says partner \"1111111\" channel \"AOBO\"");
      Path channel = file("principals2.csv", "PrincipalId,PartnerId,Channel\na,6034453,AOBO\na,6034453,"
          + "LIGHTHOUSE_OFFER\n");
      assertThatThrownBy(() -> SideFiles.principals(channel)).isInstanceOf(InputException.class)
          .hasMessageContaining("line 2").hasMessageContaining("line 3");
    }

    @Test
    void loadingManyPrincipalsIsLinear() throws IOException {
      // D15: 10^5 rows took more than two minutes when each row copied the directory
      StringBuilder sb = new StringBuilder("PrincipalId,PartnerId,Channel\n");
      for (int i = 0; i < 100_000; i++) {
        sb.append("p").append(i).append(",6034453,AOBO\n");
      }
      Path p = file("many.csv", sb.toString());
      long start = System.nanoTime();
      Loaded<PrincipalDirectory> loaded = SideFiles.principals(p);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(loaded.value().mappings()).hasSize(100_000);
      assertThat(loaded.value().find("P99999")).isPresent();
      assertThat(millis).as("milliseconds to load 10^5 principals").isLessThan(20_000);
    }

    @Test
    void aMissingColumnOrAnEmptyFileIsUnusable() throws IOException {
      assertThatThrownBy(() -> SideFiles.principals(file("p.csv", "PrincipalId,Channel\nx,AOBO\n")))
          .isInstanceOf(InputException.class).hasMessageEndingWith("required column PartnerId is missing");
      assertThatThrownBy(() -> SideFiles.principals(file("e.csv", "")))
          .isInstanceOf(InputException.class).hasMessageContaining("empty file");
    }
  }

  @Nested
  class AzureRecords {
    @Test
    void readsAnActivityLogAndNamesItsProblemsByFileName() throws IOException {
      Path p = file("log.json", "[{\"eventTimestamp\": \"2026-03-01T00:00:00Z\"},\n"
          + "{\"eventTimestamp\": \"2026-03-02T00:00:00Z\", \"operationName\": {\"value\": \"x/write\"}}]");
      ActivityLog log = AccessFiles.activityLog(p);
      assertThat(log.eventsRead()).isEqualTo(2);
      assertThat(log.problems()).extracting(pr -> AccessFiles.problem(pr).toString())
          .containsExactly("log.json:1:2: event 1: no operationName");
    }

    @Test
    void readsAListingTakenAtAnInstant() throws IOException {
      Path p = file("s.json", "[{\"id\": \"/subscriptions/S/providers/Microsoft.Authorization/roleAssignments/r1\", "
          + "\"principalId\": \"p\", \"roleDefinitionName\": \"Owner\"}]");
      RoleAssignmentSnapshot s = AccessFiles.snapshot(p, Instant.parse("2026-03-01T00:00:00Z"), "S");
      assertThat(s.assignments()).hasSize(1);
      assertThat(s.series()).isEqualTo("S");
      assertThat(s.file()).isEqualTo("s.json");
    }

    @Test
    void aMissingFileIsUnusable() {
      Path missing = dir.resolve("nope.json");
      assertThatThrownBy(() -> AccessFiles.activityLog(missing)).isInstanceOf(InputException.class)
          .hasMessage(missing + ": file not found");
      assertThatThrownBy(() -> AccessFiles.snapshot(missing, Instant.EPOCH, "")).isInstanceOf(InputException.class)
          .hasMessage(missing + ": file not found");
    }
  }
}
