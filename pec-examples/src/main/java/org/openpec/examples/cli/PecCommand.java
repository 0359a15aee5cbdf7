package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.openpec.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pec} command: Partner Earned Credit on the partner's own CSV files (cli.md).
 *
 * <p>Exit status: 0 the run finished; 3 {@code --strict} and a record or row was rejected; 2 usage error; 1 an
 * input cannot be used at all.
 */
@Command(name = "pec", mixinStandardHelpOptions = true, version = "pec 0.1.0",
    description = "Partner Earned Credit for Azure plan consumption: predict, verify, explain.",
    subcommands = {DemoCommand.class, CreditCommand.class, ReconcileCommand.class, LossesCommand.class,
        ExplainCommand.class, GrantsCommand.class, GenerateCommand.class, SummaryCommand.class, ReportCommand.class,
        CommandLine.HelpCommand.class})
public final class PecCommand implements Runnable {

  /** Exit status: an input cannot be used at all. */
  public static final int EXIT_INPUT = 1;
  /** Exit status: usage error. */
  public static final int EXIT_USAGE = 2;
  /** Exit status: {@code --strict} and something was rejected. */
  public static final int EXIT_STRICT = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (demo, credit, ...)");
  }

  /** The command line, configured as every entry point uses it. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new PecCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof InputException) {
        line.getErr().println("pec: " + e.getMessage());
        line.getErr().flush();
        return EXIT_INPUT;
      }
      line.getErr().println("pec: internal error: " + e);
      e.printStackTrace(line.getErr());
      line.getErr().flush();
      return EXIT_INPUT;
    });
    return cl;
  }

  /** Runs {@code pec} with {@code args} and returns its exit status. */
  public static int run(String... args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int status = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /** The entry point of {@code pec.jar}. */
  public static void main(String[] args) {
    System.exit(run(args));
  }
}
