package org.openpec.examples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.openpec.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code pec} command: Partner Earned Credit on the partner's own CSV files (docs/cli.md).
 *
 * <p>Exit status (docs/cli.md, "Exit status"): 0 the run finished; 3 {@code --strict} and a record or row was
 * rejected; 2 usage error; 1 an input cannot be used at all, or an output cannot be written.
 */
@Command(name = "pec", mixinStandardHelpOptions = true, versionProvider = PecCommand.Version.class,
    description = "Partner Earned Credit for Azure plan consumption: predict, verify, explain.",
    subcommands = {DemoCommand.class, CreditCommand.class, ReconcileCommand.class, LossesCommand.class,
        ExplainCommand.class, GrantsCommand.class, GenerateCommand.class, SummaryCommand.class, ReportCommand.class,
        CommandLine.HelpCommand.class})
public final class PecCommand implements Runnable {

  /** Exit status: an input cannot be used at all, or an output cannot be written. */
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

  /** The exit statuses every {@code --help} lists; 3 only for commands with {@code --strict}. */
  private static Map<String, String> exitStatuses(boolean strict) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("0", "the run finished (rejected records and bad rows are reported, not fatal)");
    m.put("1", "an input cannot be used (unreadable, empty, a required column missing, no usable row, "
        + "too many records rejected: --max-rejected) or an output cannot be written");
    m.put("2", "usage error: unknown, missing or bad option, or an output that names an input");
    if (strict) {
      m.put("3", "--strict was given and a record or row was rejected (the output is still written)");
    }
    return m;
  }

  /** The version of the build, from the filtered resource {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = PecCommand.class.getResourceAsStream("/org/openpec/examples/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"pec " + p.getProperty("version", "(unknown version)")};
    }
  }

  /** Day options (e.g. {@code generate --first-day}): {@code yyyy-MM-dd}, in the years the readers accept. */
  static final class DayConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      LocalDate day = null;
      if (value.length() == 10) {
        try {
          day = LocalDate.parse(value, DateTimeFormatter.ofPattern("uuuu-MM-dd")
              .withResolverStyle(java.time.format.ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
          day = null;
        }
      }
      if (day == null || day.getYear() < org.openpec.internal.io.TextValues.MIN_YEAR
          || day.getYear() > org.openpec.internal.io.TextValues.MAX_YEAR) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a day yyyy-MM-dd (a year from "
            + org.openpec.internal.io.TextValues.MIN_YEAR + " to " + org.openpec.internal.io.TextValues.MAX_YEAR + ", as the readers "
            + "accept)");
      }
      return day;
    }
  }

  /** The command line, configured as every entry point uses it. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    TerminalWriter stdout = TerminalWriter.of(out);
    TerminalWriter stderr = TerminalWriter.of(err);
    CommandLine cl = new CommandLine(new PecCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
    cl.registerConverter(LocalDate.class, new DayConverter());
    cl.setOut(stdout);
    cl.setErr(stderr);
    configureHelp(cl);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine failed = ex.getCommandLine();
      PrintWriter e = failed.getErr();
      String name = failed.getCommandSpec().qualifiedName();
      e.println(name + ": " + ex.getMessage());
      e.println("Try '" + name + " --help' for the options" + (failed.getCommandSpec().subcommands().isEmpty()
          ? "." : " and the commands."));
      e.flush();
      return EXIT_USAGE;
    });
    cl.setExecutionStrategy(parsed -> {
      int status;
      try {
        status = new CommandLine.RunLast().execute(parsed);
      } catch (OutOfMemoryError e) {
        outOfMemory(stderr, e);
        return EXIT_INPUT;
      } finally {
        Outputs.closeAll();
      }
      stdout.flush();
      if (stdout.checkError()) {
        IOException f = stdout.failure();
        stderr.println("pec: standard output: cannot write: " + (f == null ? "write error" : Reasons.of(f)));
        stderr.flush();
        return EXIT_INPUT;
      }
      return status;
    });
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      PrintWriter errs = line.getErr();
      OutputFailure output = Output.failure(e);
      OutOfMemoryError memory = cause(e, OutOfMemoryError.class);
      if (memory != null) {
        outOfMemory(errs, memory);
        return EXIT_INPUT;
      }
      if (output != null) {
        errs.println("pec: " + output.getMessage());
      } else if (e instanceof InputException input) {
        errs.println("pec: " + Reasons.withReason(input));
      } else if (e instanceof UncheckedIOException u) {
        errs.println("pec: " + Reasons.of(u.getCause()));
      } else {
        errs.println("pec: internal error (please report it with the command that caused it): " + e);
        e.printStackTrace(errs);
      }
      errs.flush();
      return EXIT_INPUT;
    });
    return cl;
  }

  /** One line for an exhausted heap: no stack trace, and what to do. */
  private static void outOfMemory(PrintWriter err, OutOfMemoryError e) {
    err.println("pec: out of memory (" + e.getMessage() + "): give Java more with -Xmx, e.g. java -Xmx4g -jar pec.jar "
        + "...");
    err.flush();
  }

  /** {@code e} or its first cause of type {@code type}, or null. */
  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** Every command's help lists the exit statuses. */
  private static void configureHelp(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    boolean strict = spec.findOption("--strict") != null || spec.parent() == null;
    spec.usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(exitStatuses(strict));
    for (CommandLine sub : cl.getSubcommands().values()) {
      configureHelp(sub);
    }
  }

  /** Runs {@code pec} with {@code args} and returns its exit status. */
  public static int run(String... args) {
    TerminalWriter out = TerminalWriter.of(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    TerminalWriter err = TerminalWriter.of(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
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
