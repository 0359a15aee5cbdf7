package org.openpec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.io.InputException;
import org.openpec.io.InputProblem;

/** The side files as the executors get them: read on the driver, built into a calculator once per JVM. */
class PecInputsTest {

  @TempDir
  Path tmp;

  private Path demoGrants() throws IOException {
    Path grants = tmp.resolve("grants.csv");
    try (InputStream in = getClass().getResourceAsStream("/org/openpec/examples/demo/grants.csv")) {
      Files.copy(in, grants);
    }
    return grants;
  }

  @Test
  void aBadSideFileRowIsReportedWithItsFileAndLineAndSkipped() throws IOException {
    Path grants = demoGrants();
    long lines = Files.readAllLines(grants).size();
    Files.writeString(grants, "not,a,grant\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    PecInputs inputs = PecInputs.builder().grants(grants).build();
    assertThat(inputs.problems()).hasSize(1);
    InputProblem p = inputs.problems().get(0);
    assertThat(p.file()).isEqualTo("grants.csv");
    assertThat(p.line()).isEqualTo(lines + 1);
    assertThat(inputs.evaluator().calculator.grants()).hasSize((int) lines - 1);
  }

  @Test
  void theCalculatorIsBuiltOncePerJvm() throws IOException {
    PecInputs inputs = PecInputs.builder().grants(demoGrants()).build();
    assertThat(inputs.evaluator()).isSameAs(inputs.evaluator());
  }

  @Test
  void repricingNeedsAPriceList() throws IOException {
    PecInputs.Builder b = PecInputs.builder().grants(demoGrants()).reprice(true);
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price list");
  }

  @Test
  void anUnreadableFileIsAnInputError() {
    assertThatThrownBy(() -> PecInputs.builder().grants(tmp.resolve("missing.csv")))
        .isInstanceOf(InputException.class).hasMessageContaining("missing.csv");
  }

  @Test
  void theAccessHistoryIsAGrantsFileOrAzuresRecordsNotBothNorNeither() throws IOException {
    Path access = Path.of("..", "pec-examples", "src", "test", "resources", "access");
    Path log = access.resolve("cli-create-delete.json");
    Path principals = access.resolve("principals.csv");
    assertThatThrownBy(() -> PecInputs.builder().build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give grants, or Azure's own records");
    assertThatThrownBy(() -> PecInputs.builder().grants(demoGrants()).activityLog(log).principals(principals).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exclude each other");
    assertThatThrownBy(() -> PecInputs.builder().activityLog(log).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("principals");
    assertThatThrownBy(() -> PecInputs.builder().snapshot(log, java.time.Instant.EPOCH, "").principals(principals)
        .since(java.time.Instant.EPOCH).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give an activity log");
    PecInputs imported = PecInputs.builder().activityLog(log).principals(principals).build();
    assertThat(imported.evaluator().calculator.grants()).isNotEmpty();
    assertThat(imported.problems()).isEmpty();
  }

  @Test
  void aSideFileWithoutAUsableRowIsAnInputErrorAsInPecCredit() throws IOException {
    Path grants = demoGrants();
    Files.writeString(grants, Files.readAllLines(grants).get(0) + "\n", StandardCharsets.UTF_8);
    PecInputs inputs = PecInputs.builder().grants(grants).build();
    assertThatThrownBy(inputs::problems).isInstanceOf(InputException.class)
        .hasMessage(grants + ": no usable row: the file holds a header and no rows");
  }

  @Test
  void theDialectIsPecCreditsAndAnUnusableOneIsRefused() throws IOException {
    Path grants = demoGrants();
    assertThat(PecInputs.builder().grants(grants).delimiter(';').decimalComma(true).build().dialect())
        .isEqualTo(org.openpec.io.CsvDialect.of(';', true));
    assertThatThrownBy(() -> PecInputs.builder().grants(grants).decimalComma(true).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decimal comma");
  }

  @Test
  void theJobRefusesWrongNewOptionsAsUsageErrors() throws IOException {
    String grants = demoGrants().toString();
    for (String[] args : new String[][] {
        {"--usage", "u.csv", "--grants", grants, "--delimiter", ";;", "--out", "x"},
        {"--usage", "u.csv", "--grants", grants, "--decimal-comma", "--out", "x"},
        {"--usage", "u.csv", "--snapshot", "l.json", "--principals", grants, "--out", "x"},
        {"--usage", "u.csv", "--grants", grants, "--since", "yesterday", "--out", "x"},
        {"--usage", "u.csv", "--usage", "v.csv", "--grants", grants, "--out", "x"}}) {
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      int status = CreditJob.execute(args, System.out, new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(status).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("pec-spark: ").hasLineCount(1);
    }
  }
}
