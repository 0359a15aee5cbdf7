package org.openpec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import de.siegmar.fastcsv.reader.CsvReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.PecCalculator;

/**
 * A service that uses openpec as a Java module: its code, compiled on the module path against openpec's classes
 * with {@code -Xlint:all -Werror} and without the Immutables annotations (openpec needs them only to compile
 * itself), compiles with no warning and runs.
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

  private record Result(int status, String output) {}

  private static Result run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + String.join(" ", command)).isTrue();
    return new Result(p.exitValue(), output);
  }
}
