package org.openpec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class UsageReaderTest {

  public static final String HEADER = "CustomerId,MpnId,Tier2MpnId,SubscriptionId,EntitlementId,UsageDate,ProductId,SkuId,"
      + "MeterId,ResourceURI,Quantity,UnitPrice,PricingCurrency,BillingCurrency,PCToBCExchangeRate,PublisherName";
  public static final String GOOD = "C1,P,,plan,S,2026-03-05,prod,0001,m1,/subscriptions/S/resourceGroups/rg/vm1,24,0.50,USD,USD,1,Microsoft";

  @TempDir
  Path dir;

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  List<UsageRecord> read(String content) throws IOException {
    List<UsageRecord> out = new ArrayList<>();
    try (UsageReader r = UsageReader.open(file("usage.csv", content))) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  @Nested
  class GoodRecords {
    @Test
    void readsEveryFieldTheRulesNeed() throws IOException {
      UsageRecord rec = read(HEADER + "\n" + GOOD + "\n").get(0);
      assertThat(rec.isRejected()).isFalse();
      var line = rec.line().orElseThrow();
      assertThat(line.customerId()).isEqualTo("C1");
      assertThat(line.usageDate()).isEqualTo(LocalDate.of(2026, 3, 5));
      assertThat(line.quantity()).isEqualByComparingTo("24");
      assertThat(line.unitPrice()).isEqualByComparingTo("0.50");
      assertThat(line.resellerPartnerId()).isEmpty();
      assertThat(line.publisherName()).isEqualTo("Microsoft");
      assertThat(rec.recordNumber()).isEqualTo(1);
      assertThat(rec.physicalLine()).isEqualTo(2);
    }

    @Test
    void findsColumnsByNameIgnoringCaseAndOrder() throws IOException {
      String header = "quantity,UNITPRICE,customerid,mpnid,subscriptionid,entitlementid,usagedate,productid,skuid,"
          + "meterid,resourceuri,pricingcurrency,billingcurrency,pctobcexchangerate,Extra";
      UsageRecord rec = read(header + "\n2,3,C,P,plan,S,2026-03-01,p,s,m,,USD,EUR,0.9,kept\n").get(0);
      assertThat(rec.line().orElseThrow().listCost()).isEqualByComparingTo("6");
      assertThat(rec.field("extra")).isEqualTo("kept");
      assertThat(rec.line().orElseThrow().resource().path()).isEqualTo("/subscriptions/S");
    }

    @Test
    void acceptsEveryNumberAndDateFormOfTheSpec() throws IOException {
      String rows = HEADER + "\n"
          + GOOD.replace(",24,0.50,", ",2.4E1,.5,").replace("2026-03-05", "3/5/2026") + "\n"
          + GOOD.replace(",24,", ",+24.,").replace("2026-03-05", "3/5/2026 12:00:00 AM") + "\n"
          + GOOD.replace("2026-03-05", "2026-03-05T23:30:00-02:00") + "\n"
          + GOOD.replace("2026-03-05", "03/05/2026") + "\n";
      List<UsageRecord> recs = read(rows);
      assertThat(recs).allMatch(r -> !r.isRejected());
      assertThat(recs.get(0).line().orElseThrow().quantity()).isEqualByComparingTo("24");
      assertThat(recs.get(0).line().orElseThrow().unitPrice()).isEqualByComparingTo("0.5");
      assertThat(recs.get(0).line().orElseThrow().usageDate()).isEqualTo(LocalDate.of(2026, 3, 5));
      assertThat(recs.get(1).line().orElseThrow().usageDate()).isEqualTo(LocalDate.of(2026, 3, 5));
      assertThat(recs.get(2).line().orElseThrow().usageDate()).isEqualTo(LocalDate.of(2026, 3, 6));
      assertThat(recs.get(3).line().orElseThrow().usageDate()).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void ignoresByteOrderMarkAndEmptyLines() throws IOException {
      List<UsageRecord> recs = read("\uFEFF" + HEADER + "\n\n" + GOOD + "\n\n" + GOOD + "\n");
      assertThat(recs).hasSize(2);
      assertThat(recs.get(0).recordNumber()).isEqualTo(1);
      assertThat(recs.get(1).recordNumber()).isEqualTo(2);
      assertThat(recs.get(1).physicalLine()).isEqualTo(5);
      assertThat(recs.get(0).line().orElseThrow().customerId()).isEqualTo("C1");
    }

    @Test
    void quotedNewlinesStayInTheirFieldAndLinesCountPhysically() throws IOException {
      String quoted = GOOD.replace(",Microsoft", ",\"Micro\nsoft, Inc\"");
      List<UsageRecord> recs = read(HEADER + "\n" + quoted + "\n" + GOOD.replace(",24,", ",x,") + "\n");
      assertThat(recs.get(0).field("PublisherName")).isEqualTo("Micro\nsoft, Inc");
      assertThat(recs.get(1).problem().orElseThrow().line()).isEqualTo(4);
    }

    @Test
    void headerOnlyFileHasNoRecord() throws IOException {
      assertThat(read(HEADER + "\n")).isEmpty();
    }
  }

  @Nested
  class BadRecords {
    @Test
    void unquotedDecimalCommaShiftsTheFieldsAndRejectsTheWholeRecord() throws IOException {
      UsageRecord rec = read(HEADER + "\n" + GOOD.replace(",24,", ",12,5,") + "\n").get(0);
      InputProblem p = rec.problem().orElseThrow();
      assertThat(p.file()).isEqualTo("usage.csv");
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.column()).isZero();
    }

    @Test
    void numberWithCommaIsRejectedNamingFieldAndValue() throws IOException {
      UsageRecord rec = read(HEADER + "\n" + GOOD.replace(",24,", ",\"12,5\",") + "\n").get(0);
      assertThat(rec.problem().orElseThrow().toString())
          .isEqualTo("usage.csv:2:11: Quantity must be a decimal number, was \"12,5\"");
    }

    @Test
    void spacesNaNAndInfinityAreNotNumbers() throws IOException {
      for (String bad : new String[] {" 24", "NaN", "Infinity", "1,000", "1e", "--1", "0x10", "", "1E+99999",
          "1E-99999", "1E+9999999999"}) {
        UsageRecord rec = read(HEADER + "\n" + GOOD.replace(",24,", ",\"" + bad + "\",") + "\n").get(0);
        assertThat(rec.problem()).as(bad).isPresent();
        assertThat(rec.problem().orElseThrow().column()).as(bad).isEqualTo(11);
      }
    }

    @Test
    void badDateIsRejectedAtItsColumn() throws IOException {
      for (String bad : new String[] {"2026-02-30", "13/1/2026", "yesterday", "2026/03/05"}) {
        UsageRecord rec = read(HEADER + "\n" + GOOD.replace("2026-03-05", bad) + "\n").get(0);
        assertThat(rec.problem().orElseThrow().column()).as(bad).isEqualTo(6);
        assertThat(rec.problem().orElseThrow().message()).as(bad).contains("UsageDate").contains(bad);
      }
    }

    @Test
    void missingRequiredValueIsRejectedButEmptyResourceUriIsNot() throws IOException {
      UsageRecord noCustomer = read(HEADER + "\n" + GOOD.replace("C1,", ",") + "\n").get(0);
      assertThat(noCustomer.problem().orElseThrow().toString()).isEqualTo("usage.csv:2:1: CustomerId must not be empty");
      UsageRecord noResource = read(HEADER + "\n" + GOOD.replace("/subscriptions/S/resourceGroups/rg/vm1", "") + "\n")
          .get(0);
      assertThat(noResource.isRejected()).isFalse();
    }

    @Test
    void wrongFieldCountRejectsTheWholeRecord() throws IOException {
      List<UsageRecord> recs = read(HEADER + "\n" + GOOD + ",extra\n" + GOOD.replace(",Microsoft", "") + "\n");
      assertThat(recs).hasSize(2);
      assertThat(recs).allMatch(UsageRecord::isRejected);
      assertThat(recs.get(0).problem().orElseThrow().column()).isZero();
      assertThat(recs.get(0).problem().orElseThrow().message()).contains("17 fields").contains("16");
      assertThat(recs.get(1).problem().orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void firstOffendingColumnInFileOrderIsNamed() throws IOException {
      UsageRecord rec = read(HEADER + "\n" + GOOD.replace(",24,0.50,", ",x,y,").replace("C1,", ",") + "\n").get(0);
      assertThat(rec.problem().orElseThrow().column()).isEqualTo(1);
    }

    @Test
    void aBadRecordNeverStopsTheRun() throws IOException {
      List<UsageRecord> recs = read(HEADER + "\n" + GOOD.replace(",24,", ",bad,") + "\n" + GOOD + "\n");
      assertThat(recs).extracting(UsageRecord::isRejected).containsExactly(true, false);
    }
  }

  @Nested
  class UnusableFiles {
    @Test
    void missingRequiredColumnIsFatalNamingFileAndColumn() throws IOException {
      Path p = file("no-price.csv", HEADER.replace(",UnitPrice", "") + "\n");
      assertThatThrownBy(() -> UsageReader.open(p)).isInstanceOf(InputException.class)
          .hasMessageContaining("no-price.csv").hasMessageContaining("UnitPrice");
    }

    @Test
    void emptyFileIsFatal() throws IOException {
      for (String content : new String[] {"", "\uFEFF", "\n\n", "\uFEFF\r\n"}) {
        Path p = file("empty.csv", content);
        assertThatThrownBy(() -> UsageReader.open(p)).as("%s", content).isInstanceOf(InputException.class)
            .hasMessageContaining("empty.csv").hasMessageContaining("empty");
      }
    }

    @Test
    void missingFileIsFatal() {
      assertThatThrownBy(() -> UsageReader.open(dir.resolve("nope.csv"))).isInstanceOf(InputException.class)
          .hasMessageContaining("nope.csv");
    }
  }
}
