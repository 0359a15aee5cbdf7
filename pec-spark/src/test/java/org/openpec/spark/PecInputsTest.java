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
}
