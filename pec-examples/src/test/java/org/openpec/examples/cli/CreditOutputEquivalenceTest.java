package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpec.CreditStatement;
import org.openpec.internal.io.CreditCsv;
import org.openpec.internal.io.CsvOutput;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRun;

/**
 * {@code pec credit} writes, whatever the thread count and whether to a file or to standard output, exactly the
 * bytes of a plain sequential reference: records read one after the other, evaluated, and each row formatted by
 * {@link CsvOutput#format} of {@link CreditCsv#cells}; its summary is the reference statement's. On generated
 * months of both shapes, several seeds, with and without repricing.
 */
class CreditOutputEquivalenceTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"realistic,1,false", "realistic,2,false", "realistic,3,true", "dense,1,false", "dense,4,true",
      "dense,5,false"})
  void creditIsTheSequentialReferenceByteForByte(String shape, int seed, boolean reprice) throws IOException {
    Path month = dir.resolve("month");
    CliRun gen = CliRun.of("generate", "--shape", shape, "--seed", Integer.toString(seed), "--lines", "2500",
        "--out-dir", month.toString());
    assertThat(gen.status()).as(gen.err()).isZero();
    List<String> inputs = List.of("--usage", month.resolve("usage.csv").toString(),
        "--grants", month.resolve("grants.csv").toString(), "--prices", month.resolve("prices.csv").toString(),
        "--partners", month.resolve("partners.csv").toString());

    StringBuilder reference = new StringBuilder(CsvOutput.format(CreditCsv.HEADER.toArray(new String[0])));
    InputOptions options = new InputOptions();
    List<String> optionArgs = new java.util.ArrayList<>(inputs);
    if (reprice) {
      optionArgs.add("--reprice");
    }
    new picocli.CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true)
        .parseArgs(optionArgs.toArray(new String[0]));
    StringWriter refErr = new StringWriter();
    Inputs in = Inputs.load(options, PecCommand.commandLine(new PrintWriter(new StringWriter()),
        new PrintWriter(refErr)), new PrintWriter(refErr, true));
    CreditStatement statement;
    try (UsageReader reader = in.openUsage()) {
      statement = UsageRun.run(reader, Evaluation.of(in),
          o -> reference.append(CsvOutput.format(CreditCsv.cells(o))));
    }
    assertThat(statement.rejected()).as("generated months hold malformed records on purpose").isPositive();

    for (int threads : new int[] {1, 2, 3}) {
      Path out = dir.resolve("credit-" + threads + ".csv");
      Path summary = dir.resolve("summary-" + threads + ".json");
      String[] args = args(inputs, reprice, "--threads", Integer.toString(threads), "--out", out.toString(),
          "--summary", summary.toString());
      CliRun run = CliRun.of(args);
      assertThat(run.status()).as(run.err()).isZero();
      assertThat(Files.readString(out, StandardCharsets.UTF_8)).as("threads %d", threads)
          .isEqualTo(reference.toString());
      assertThat(Json.read(summary).get("rejected").asLong())
          .isEqualTo(statement.rejected());
      if (threads > 1) {
        assertThat(Files.mismatch(summary, dir.resolve("summary-1.json"))).isEqualTo(-1L);
      }
    }
    CliRun stdout = CliRun.of(args(inputs, reprice, "--threads", "2"));
    assertThat(stdout.out()).isEqualTo(reference.toString());
  }

  private static String[] args(List<String> inputs, boolean reprice, String... more) {
    List<String> all = new java.util.ArrayList<>(List.of("credit"));
    all.addAll(inputs);
    if (reprice) {
      all.add("--reprice");
    }
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
