package org.openpec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The usage inputs recognised by content: the hand-made files under {@code formats/} hold the same three records
 * (the second with a bad quantity) as CSV, gzip CSV, JSON Lines, gzip JSON Lines, a manifest of two gzip blobs,
 * and a European CSV ({@code ;}, decimal comma, BOM, CRLF).
 */
class UsageSourceTest {

  @TempDir
  Path dir;

  static Path resource(String name) {
    try {
      return Path.of(UsageSourceTest.class.getResource("formats/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<UsageRecord> readAll(UsageSource source) {
    List<UsageRecord> out = new ArrayList<>();
    try (UsageReader r = source.open()) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  static List<UsageRecord> read(String... names) {
    List<String> inputs = new ArrayList<>();
    for (String n : names) {
      inputs.add(resource(n).toString());
    }
    return readAll(UsageSource.of(inputs));
  }

  Path write(String name, String content) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"usage.csv", "usage.csv.gz", "usage.jsonl", "usage.jsonl.gz", "manifest.json"})
  void everyKindReadsTheSameRecords(String name) {
    List<UsageRecord> recs = read(name);
    assertThat(recs).hasSize(3);
    assertThat(recs).extracting(UsageRecord::recordNumber).containsExactly(1L, 2L, 3L);
    assertThat(recs).extracting(UsageRecord::isRejected).containsExactly(false, true, false);
    var first = recs.get(0).line().orElseThrow();
    assertThat(first.customerId()).isEqualTo("c1");
    assertThat(first.unitPrice()).isEqualByComparingTo("0.0209951014286867");
    assertThat(first.unitPrice().toPlainString()).isEqualTo("0.0209951014286867");
    assertThat(first.pcToBcExchangeRate().toPlainString()).isEqualTo("0.846202666");
    assertThat(first.resourceUri()).endsWith("/virtualMachines/vm1");
    assertThat(recs.get(2).line().orElseThrow().resellerPartnerId()).isEqualTo("6048879");
    assertThat(recs.get(0).field("PartnerEarnedCreditPercentage")).isEqualTo("15");
    assertThat(recs.get(0).field("CustomerName")).isEqualTo("Contoso");
    assertThat(recs.get(0).hasColumn("EffectiveUnitPrice")).isTrue();
    assertThat(recs.get(1).problem().orElseThrow().message()).contains("must be a decimal number, was \"abc\"");
  }

  @Test
  void csvProblemsAreFileLineColumn() {
    assertThat(read("usage.csv.gz").get(1).problem().orElseThrow().toString())
        .startsWith("usage.csv.gz:3:12: Quantity must be a decimal number");
  }

  @Test
  void jsonProblemsAreFileLineAndCharacterColumn() throws IOException {
    String line2 = Files.readAllLines(resource("usage.jsonl")).get(1);
    int column = line2.indexOf("\"abc\"") + 1;
    assertThat(read("usage.jsonl").get(1).problem().orElseThrow().toString())
        .isEqualTo("usage.jsonl:2:" + column + ": quantity must be a decimal number, was \"abc\"");
  }

  @Test
  void manifestBlobsReadInOrderAsOneFileWithBlobPositions() {
    List<UsageRecord> recs = read("manifest.json");
    assertThat(recs.get(1).problem().orElseThrow().file()).isEqualTo("part-00001.json.gz");
    assertThat(recs.get(1).problem().orElseThrow().line()).isEqualTo(2);
    assertThat(recs.get(2).physicalLine()).isEqualTo(1);
    assertThat(recs.get(2).line().orElseThrow().customerId()).isEqualTo("c2");
  }

  @Test
  void filesAreTheInputsWithEachManifestReplacedByItsBlobsInOrder() {
    Path manifest = resource("manifest.json");
    Path csv = resource("usage.csv");
    assertThat(UsageSource.isManifest(manifest)).isTrue();
    assertThat(UsageSource.isManifest(csv)).isFalse();
    assertThat(UsageSource.isManifest(resource("usage.jsonl"))).isFalse();
    assertThat(UsageSource.isManifest(resource("usage.jsonl.gz"))).isFalse();
    assertThat(UsageSource.of(List.of(csv.toString(), manifest.toString())).files()).containsExactly(csv,
        resource("export/part-00001.json.gz"), resource("export/part-00002.json.gz"));
    assertThatThrownBy(() -> UsageSource.of(List.of("-")).files()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void severalInputsAreNumberedOnWhileProblemsNameTheirFile() {
    List<UsageRecord> recs = read("usage.csv", "usage.jsonl.gz");
    assertThat(recs).extracting(UsageRecord::recordNumber).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(recs.get(1).problem().orElseThrow().file()).isEqualTo("usage.csv");
    assertThat(recs.get(4).problem().orElseThrow().file()).isEqualTo("usage.jsonl.gz");
    assertThat(recs.get(4).problem().orElseThrow().line()).isEqualTo(2);
  }

  @Test
  void basicAttributeSetIsRefusedNamingTheMissingFields() {
    assertThatThrownBy(() -> read("basic/manifest.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("part-00001.json.gz:1: the usage lacks the fields mpnId, meterId that pec needs")
        .hasMessageContaining("attributeSet basic")
        .hasMessageContaining("full attribute set (attributeSet=full)");
  }

  @Test
  void basicAttributeSetIsRefusedEvenWhenTheFirstBlobIsEmpty() throws IOException {
    Path m = write("m/manifest.json", "{\"dataFormat\":\"compressedJSONLines\",\"attributeSet\":\"basic\","
        + "\"blobCount\":0,\"blobs\":[]}");
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(m.toString()))))
        .isInstanceOf(InputException.class).hasMessageContaining("attributeSet basic")
        .hasMessageContaining("attributeSet=full");
  }

  @Test
  void jsonLackingAFieldTheCommandNeedsIsRefused() {
    Path p = write("u.jsonl", "{\"customerId\":\"c\",\"mpnId\":\"p\",\"subscriptionId\":\"s\",\"entitlementId\":\"e\","
        + "\"usageDate\":\"2026-03-01\",\"productId\":\"p\",\"skuId\":\"1\",\"meterId\":\"m\",\"resourceUri\":\"\","
        + "\"quantity\":1,\"unitPrice\":1,\"pricingCurrency\":\"USD\",\"billingCurrency\":\"USD\","
        + "\"pcToBCExchangeRate\":1}\n");
    assertThat(readAll(UsageSource.of(List.of(p.toString())))).hasSize(1);
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(p.toString()))
        .needing(List.of("PartnerEarnedCreditPercentage", "EffectiveUnitPrice"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("lacks the fields partnerEarnedCreditPercentage, effectiveUnitPrice that pec needs");
  }

  @Test
  void badJsonLineIsARejectedRecordAndTheRunGoesOn() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(resource("usage.jsonl")));
    lines.add(1, "{\"customerId\": \"c9\", oops}");
    lines.add(2, "");
    Path p = write("bad.jsonl", String.join("\n", lines) + "\n");
    List<UsageRecord> recs = readAll(UsageSource.of(List.of(p.toString())));
    assertThat(recs).hasSize(4);
    InputProblem bad = recs.get(1).problem().orElseThrow();
    assertThat(bad.toString()).startsWith("bad.jsonl:2:22: not valid JSON");
    assertThat(recs.get(2).problem().orElseThrow().line()).isEqualTo(4);
  }

  @Test
  void laterLineLackingAFieldIsRejectedNotFatal() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(resource("usage.jsonl")));
    lines.set(2, lines.get(2).replace("\"meterId\":\"m2\",", ""));
    Path p = write("u.jsonl", String.join("\n", lines) + "\n");
    List<UsageRecord> recs = readAll(UsageSource.of(List.of(p.toString())));
    assertThat(recs.get(2).problem().orElseThrow().toString()).isEqualTo("u.jsonl:3:0: field meterId is absent");
  }

  @Test
  void manifestOfAnotherFormatOrMissingBlobIsRefused() {
    Path other = write("a/manifest.json", "{\"dataFormat\":\"parquet\",\"blobs\":[]}");
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(other.toString()))))
        .isInstanceOf(InputException.class).hasMessageContaining("dataFormat is \"parquet\"");
    Path missing = write("b/manifest.json", "{\"dataFormat\":\"compressedJSONLines\",\"attributeSet\":\"full\","
        + "\"blobCount\":1,\"blobs\":[{\"name\":\"x/part-1.json.gz\",\"partitionValue\":\"1\"}]}");
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(missing.toString()))))
        .isInstanceOf(InputException.class).hasMessageContaining("blob x/part-1.json.gz not found beside the manifest");
    Path strings = write("d/manifest.json", "{\"dataFormat\":\"compressedJSONLines\",\"blobs\":[\"part-1.json.gz\"]}");
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(strings.toString()))))
        .isInstanceOf(InputException.class).hasMessageContaining("blob 1 of the manifest is not an object");
    Path count = write("c/manifest.json", "{\"dataFormat\":\"compressedJSONLines\",\"blobCount\":2,\"blobs\":[]}");
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(count.toString()))))
        .isInstanceOf(InputException.class).hasMessageContaining("blobCount 2 but lists 0 blobs");
  }

  @Test
  void standardInputIsRecognisedToo() throws IOException {
    InputStream in = Files.newInputStream(resource("usage.jsonl.gz"));
    List<UsageRecord> recs = readAll(UsageSource.of(List.of("-")).withStandardInput(in));
    assertThat(recs).hasSize(3);
    assertThat(recs.get(1).problem().orElseThrow().file()).isEqualTo("stdin");
  }

  @Test
  void europeanCsvReadsWithSemicolonAndDecimalComma() {
    List<UsageRecord> recs = readAll(UsageSource.of(List.of(resource("european.csv").toString()))
        .withDialect(CsvDialect.of(';', true)));
    assertThat(recs).extracting(UsageRecord::isRejected).containsExactly(false, true, false);
    var first = recs.get(0).line().orElseThrow();
    assertThat(first.unitPrice().toPlainString()).isEqualTo("0.0209951014286867");
    assertThat(first.pcToBcExchangeRate().toPlainString()).isEqualTo("0.846202666");
    assertThat(recs.get(2).line().orElseThrow().quantity()).isEqualByComparingTo("2.5");
  }

  @Test
  void europeanCsvReadAsCommaSeparatedIsRefusedAtTheHeaderNamingTheOption() {
    assertThatThrownBy(() -> read("european.csv"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the header is separated by ';', not ','")
        .hasMessageContaining("--delimiter ';'")
        .hasMessageContaining("--decimal-comma")
        .hasMessageNotContaining("required column");
  }

  @Test
  void decimalCommaWithoutTheOptionNamesTheOption() {
    List<UsageRecord> recs = readAll(UsageSource.of(List.of(resource("european.csv").toString()))
        .withDialect(CsvDialect.of(';', false)));
    assertThat(recs.get(0).problem().orElseThrow().message())
        .contains("UnitPrice must be a decimal number, was \"0,0209951014286867\"")
        .endsWith("(a decimal comma: read the file with --decimal-comma)");
  }

  @Test
  void decimalCommaRefusesAPointRatherThanGuessing() {
    Path p = write("eu.csv", new String(readBytes(resource("european.csv")), StandardCharsets.UTF_8)
        .replace("0,0209951014286867", "1.234,5"));
    List<UsageRecord> recs = readAll(UsageSource.of(List.of(p.toString())).withDialect(CsvDialect.of(';', true)));
    assertThat(recs.get(0).problem().orElseThrow().message()).contains("was \"1.234,5\"");
  }

  @Test
  void contentNotNameDecides() throws IOException {
    Path csvNamedJson = write("usage.json", Files.readString(resource("usage.csv")));
    assertThat(readAll(UsageSource.of(List.of(csvNamedJson.toString())))).hasSize(3);
    Path gzNamedCsv = dir.resolve("plain.csv");
    Files.copy(resource("usage.jsonl.gz"), gzNamedCsv);
    assertThat(readAll(UsageSource.of(List.of(gzNamedCsv.toString())))).hasSize(3);
  }

  @Test
  void emptyInputIsStillAnEmptyFile() {
    Path p = write("empty.csv", "");
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(p.toString()))))
        .isInstanceOf(InputException.class).hasMessageContaining("empty file");
    assertThatThrownBy(() -> UsageSource.of(List.of("-", "x.csv")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of("-"))
        .withStandardInput(new ByteArrayInputStream(new byte[0]))))
        .isInstanceOf(InputException.class).hasMessageContaining("stdin: empty file");
  }

  @Test
  void truncatedGzipIsAnUnusableInputNotASilentEnd() throws IOException {
    byte[] gz = readBytes(resource("usage.jsonl.gz"));
    Path cut = dir.resolve("cut.jsonl.gz");
    Files.write(cut, java.util.Arrays.copyOf(gz, gz.length - 30));
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(cut.toString()))))
        .isInstanceOf(InputException.class).hasMessageContaining("cut.jsonl.gz: cannot read file");
    byte[] csvGz = readBytes(resource("usage.csv.gz"));
    Path cutCsv = dir.resolve("cut.csv.gz");
    Files.write(cutCsv, java.util.Arrays.copyOf(csvGz, csvGz.length - 30));
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(cutCsv.toString()))))
        .isInstanceOf(InputException.class).hasMessageContaining("cut.csv.gz");
  }

  @Test
  void jsonArrayAndUtf16AreRefusedSayingWhatToGive() throws IOException {
    Path array = write("a.json", "[{\"customerId\":\"c\"}]");
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(array.toString()))))
        .isInstanceOf(InputException.class).hasMessageContaining("a JSON array: pec reads JSON Lines");
    Path utf16 = dir.resolve("unicode.txt");
    Files.write(utf16, ("\uFEFF" + Files.readString(resource("usage.csv"))).getBytes(StandardCharsets.UTF_16LE));
    assertThatThrownBy(() -> readAll(UsageSource.of(List.of(utf16.toString()))))
        .isInstanceOf(InputException.class).hasMessageContaining("UTF-16 text").hasMessageContaining("CSV UTF-8");
  }

  static byte[] readBytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
