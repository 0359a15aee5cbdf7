package org.openpec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import de.siegmar.fastcsv.reader.CsvReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.PecCalculator;

/**
 * A service that uses openpec as a Java module: its code, compiled on the module path against openpec's classes
 * with {@code -Xlint:all -Werror} and without the Immutables annotations (openpec needs them only to compile
 * itself), compiles with no warning and runs: evaluating lines it builds, and reading files through the exported
 * readers. Code that reaches into {@code org.openpec.internal} does not compile.
 */
class ModuleConsumerTest {

  private static final String MODULE_INFO = """
      module consumer {
        requires org.openpec;
      }
      """;

  private static final String MAIN = """
      package consumer;

      import java.math.BigDecimal;
      import java.time.Instant;
      import java.time.LocalDate;
      import java.util.stream.Stream;
      import org.openpec.CreditStatement;
      import org.openpec.LineResult;
      import org.openpec.PecCalculator;
      import org.openpec.model.AccessGrant;
      import org.openpec.model.Scope;
      import org.openpec.model.UsageLine;
      import org.openpec.money.Currencies;
      import org.openpec.rules.EligibilityRule;
      import org.openpec.rules.Reason;
      import org.openpec.rules.Rules;
      import org.openpec.rules.Verdict;

      /** Evaluates two lines with the standard rules and one rule of its own. */
      public final class Main {
        private Main() {}

        public static void main(String[] args) {
          Reason excluded = Reason.productExclusion("SUBSCRIPTION_EXCLUDED");
          EligibilityRule notS2 = Rules.named("not S2", f -> f.line().entitlementId().equals("S2")
              ? Verdict.fail("not S2", excluded, "S2 is excluded") : Verdict.pass("not S2", "not excluded"));
          AccessGrant owner = AccessGrant.builder().grantId("g1").scope(Scope.parse("/subscriptions/S1"))
              .roleName("Owner").partnerId("P").grantedAt(Instant.parse("2026-03-01T00:00:00Z")).build();
          PecCalculator pec = PecCalculator.builder().rule(notS2.and(Rules.standard())).addGrants(owner).build();
          CreditStatement s = Stream.of(line("S1"), line("S2")).map(pec::evaluate)
              .collect(CreditStatement.collector());
          LineResult first = pec.evaluate(line("S1"));
          System.out.println(first.reason() + " " + first.amounts().credit().toPlainString() + " "
              + s.inCurrency(new Currencies("USD", "USD")).byReason().keySet());
        }

        private static UsageLine line(String subscription) {
          return UsageLine.builder().customerId("C").billedPartnerId("P").subscriptionId("plan")
              .entitlementId(subscription).usageDate(LocalDate.parse("2026-03-05")).productId("DZH318Z0BQ4L")
              .skuId("0001").meterId("m").quantity(new BigDecimal("24")).unitPrice(new BigDecimal("0.50"))
              .pricingCurrency("USD").billingCurrency("USD").pcToBcExchangeRate(BigDecimal.ONE).build();
        }
      }
      """;

  /** A service's file path: side file and usage file through the exported readers, run with {@code UsageRun}. */
  private static final String FILES = """
      package consumer;

      import java.nio.file.Path;
      import java.util.List;
      import org.openpec.CreditStatement;
      import org.openpec.PecCalculator;
      import org.openpec.io.InputException;
      import org.openpec.io.Loaded;
      import org.openpec.io.SideFiles;
      import org.openpec.io.UsageReader;
      import org.openpec.io.UsageRun;
      import org.openpec.model.AccessGrant;
      import org.openpec.money.Currencies;
      import org.openpec.money.Totals;

      /** Evaluates a usage file against a grants file, both named on the command line. */
      public final class Files {
        private Files() {}

        public static void main(String[] args) {
          Loaded<List<AccessGrant>> grants = SideFiles.grants(Path.of(args[0]));
          PecCalculator pec = PecCalculator.builder().addAllGrants(grants.value()).build();
          try (UsageReader usage = UsageReader.open(Path.of(args[1]))) {
            CreditStatement s = UsageRun.run(usage, UsageRun.byLine(pec::evaluate), o -> System.out.println(
                o.record().recordNumber() + " " + o.evaluation().map(r -> r.reason().name()).orElse("REJECTED")));
            Totals t = s.inCurrency(new Currencies("USD", "USD")).total();
            System.out.println(grants.rows() + " grant(s), " + s.lines() + " line(s), " + s.rejected()
                + " rejected, credit " + t.credit().toPlainString());
          }
          try {
            UsageReader.open(Path.of(args[1] + ".missing")).close();
          } catch (InputException e) {
            System.out.println("missing file: " + e.getClass().getSimpleName());
          }
        }
      }
      """;

  /** What a consumer cannot reach: a type of a package openpec does not export. */
  private static final String INTERNAL = """
      package consumer;

      import org.openpec.internal.io.CsvRows;

      final class Internal {
        private Internal() {}

        static int size() {
          return new CsvRows(16).size();
        }
      }
      """;

  private static Path locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void aConsumerModuleCompilesWithoutWarningsAndRuns(@TempDir Path dir) throws Exception {
    Path openpec = locationOf(PecCalculator.class);
    assertThat(openpec.resolve("module-info.class")).as("openpec's compiled module").exists();
    String modulePath = String.join(java.io.File.pathSeparator, openpec.toString(),
        locationOf(CsvReader.class).toString(), locationOf(JsonFactory.class).toString());
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("consumer/Main.java"), MAIN);
    Path out = dir.resolve("out");

    Path bin = Path.of(System.getProperty("java.home"), "bin");
    Result compiled = run(bin.resolve("javac").toString(), "-Xlint:all", "-Werror", "--release", "17",
        "--module-path", modulePath, "-d", out.toString(), src.resolve("module-info.java").toString(),
        src.resolve("consumer/Main.java").toString());
    assertThat(compiled.output()).as("javac's diagnostics").isEmpty();
    assertThat(compiled.status()).isZero();

    Result ran = run(bin.resolve("java").toString(), "--module-path",
        out + java.io.File.pathSeparator + modulePath, "-m", "consumer/consumer.Main");
    assertThat(ran.output()).isEqualTo("ELIGIBLE 1.8000 [ELIGIBLE, SUBSCRIPTION_EXCLUDED]\n");
    assertThat(ran.status()).isZero();
  }

  @Test
  void aConsumerModuleReadsFilesThroughTheExportedReaders(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("consumer/Files.java"), FILES);
    Path out = dir.resolve("out");
    Result compiled = javac(out, src.resolve("module-info.java"), src.resolve("consumer/Files.java"));
    assertThat(compiled.output()).as("javac's diagnostics").isEmpty();
    assertThat(compiled.status()).isZero();

    Path grants = dir.resolve("grants.csv");
    Files.writeString(grants, "GrantId,PartnerId,Channel,PrincipalId,PrincipalType,RoleDefinitionId,RoleName,Scope,"
        + "Assignment,GrantedAt,RevokedAt\nG1,P,AOBO,,,,Owner,/subscriptions/S,ACTIVE,2026-03-01T00:00:00Z,\n");
    Path usage = dir.resolve("usage.csv");
    Files.writeString(usage, "CustomerId,MpnId,Tier2MpnId,SubscriptionId,EntitlementId,UsageDate,ProductId,SkuId,"
        + "MeterId,ResourceURI,Quantity,UnitPrice,PricingCurrency,BillingCurrency,PCToBCExchangeRate,PublisherName\n"
        + "C1,P,,plan,S,2026-03-05,DZH318Z0BQ4L,0001,m1,/subscriptions/S/resourceGroups/rg/vm1,24,0.50,USD,USD,1,"
        + "Microsoft\n"
        + "C1,P,,plan,S,2026-03-05,DZH318Z0BQ4L,0001,m1,/subscriptions/S/resourceGroups/rg/vm1,lots,0.50,USD,USD,1,"
        + "Microsoft\n");
    Result ran = run(java(), "--module-path", out + java.io.File.pathSeparator + modulePath(), "-m",
        "consumer/consumer.Files", grants.toString(), usage.toString());
    assertThat(ran.output()).isEqualTo("1 ELIGIBLE\n2 REJECTED\n1 grant(s), 1 line(s), 1 rejected, credit 1.8000\n"
        + "missing file: InputException\n");
    assertThat(ran.status()).isZero();
  }

  @Test
  void aConsumerModuleCannotReachTheInternalPackages(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("consumer/Internal.java"), INTERNAL);
    Result compiled = javac(dir.resolve("out"), src.resolve("module-info.java"), src.resolve("consumer/Internal.java"));
    assertThat(compiled.status()).isNotZero();
    assertThat(compiled.output()).contains("package org.openpec.internal.io is not visible");
  }

  private static String modulePath() throws URISyntaxException {
    return String.join(java.io.File.pathSeparator, locationOf(PecCalculator.class).toString(),
        locationOf(CsvReader.class).toString(), locationOf(JsonFactory.class).toString());
  }

  private static Result javac(Path out, Path... sources) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "-Xlint:all", "-Werror", "--release", "17", "--module-path", modulePath(), "-d", out.toString()));
    for (Path s : sources) {
      command.add(s.toString());
    }
    return run(command.toArray(String[]::new));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Result(int status, String output) {}

  private static Result run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + String.join(" ", command)).isTrue();
    return new Result(p.exitValue(), output);
  }
}
