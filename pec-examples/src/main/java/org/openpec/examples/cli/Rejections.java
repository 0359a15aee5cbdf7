package org.openpec.examples.cli;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.openpec.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The rejected records of a run, against the limit of {@code --max-rejected} (docs/cli.md, "Fail loudly").
 *
 * <p>By default a run fails (exit 1) only when it read records and rejected every one: such a file is almost
 * never what the user meant, and the message names the likely cause — a decimal comma, another delimiter, another
 * encoding, or not a usage file at all — from the problems met. With {@code --max-rejected N} the run fails when
 * more than N records were rejected, with {@code --max-rejected P%} when more than P %% of them were. The output
 * is written in full either way: each rejected record is a row saying why.
 */
final class Rejections {

  /** The {@code --max-rejected} option, a mixin of the commands that read a whole usage file. */
  static final class Options {
    @Option(names = "--max-rejected", paramLabel = "N|P%",
        description = "Exit 1 when more than N records, or more than P %% of them, were rejected "
            + "(default: only when every record was rejected; 100%% never fails).")
    String maxRejected;
  }

  private static final Pattern DECIMAL_COMMA = Pattern.compile("was \"[-+]?\\d*,\\d+\"");

  private final BigDecimal count;
  private final BigDecimal percent;
  private long records;
  private long rejected;
  private long fieldCount;
  private long decimalComma;
  private long encoding;
  private String first;

  private Rejections(BigDecimal count, BigDecimal percent) {
    this.count = count;
    this.percent = percent;
  }

  /**
   * The tally of a run under {@code options}.
   *
   * @throws CommandLine.ParameterException when the limit is neither a count nor a percentage (exit 2)
   */
  static Rejections of(Options options, CommandLine cl) {
    String text = options == null ? null : options.maxRejected;
    if (text == null) {
      return new Rejections(null, null);
    }
    String t = text.trim();
    boolean isPercent = t.endsWith("%");
    String number = isPercent ? t.substring(0, t.length() - 1).trim() : t;
    BigDecimal value = null;
    if (number.matches("\\d{1,18}(\\.\\d{1,6})?")) {
      value = new BigDecimal(number);
    }
    if (value == null || (!isPercent && value.scale() > 0) || (isPercent && value.compareTo(BigDecimal.valueOf(100))
        > 0)) {
      throw new CommandLine.ParameterException(cl, "Invalid value for option '--max-rejected': '" + text
          + "' is neither a count N nor a percentage P% (0 to 100)");
    }
    return isPercent ? new Rejections(null, value) : new Rejections(value, null);
  }

  /** One record read; {@code problem} is its problem ({@code file:line:column: message}) when it was rejected. */
  void record(String problem) {
    records++;
    if (problem == null) {
      return;
    }
    rejected++;
    if (first == null) {
      first = problem;
    }
    if (problem.contains(" field") && problem.contains(", the header has ")) {
      fieldCount++;
    }
    if (DECIMAL_COMMA.matcher(problem).find()) {
      decimalComma++;
    }
    if (problem.indexOf('\uFFFD') >= 0 || problem.contains("UTF-8") || problem.indexOf('\0') >= 0) {
      encoding++;
    }
  }

  /** {@code n} more records read and not rejected. */
  void readable(long n) {
    records += n;
  }

  long records() {
    return records;
  }

  long rejected() {
    return rejected;
  }

  /**
   * Fails the run when the limit is exceeded.
   *
   * @param file the usage file as given, for the message
   * @throws InputException naming the count, the likely cause and the first problem (exit 1)
   */
  void check(String file) {
    if (rejected == 0) {
      return;
    }
    boolean exceeded;
    String limit;
    if (count != null) {
      exceeded = BigDecimal.valueOf(rejected).compareTo(count) > 0;
      limit = "more than --max-rejected " + count.toPlainString();
    } else if (percent != null) {
      exceeded = BigDecimal.valueOf(rejected).multiply(BigDecimal.valueOf(100))
          .compareTo(percent.multiply(BigDecimal.valueOf(records))) > 0;
      limit = "more than --max-rejected " + percent.toPlainString() + "%";
    } else {
      exceeded = rejected == records;
      limit = "every record";
    }
    if (!exceeded) {
      return;
    }
    String what = rejected == records ? "every one of the " + records + " record" + (records == 1 ? "" : "s")
        : rejected + " of " + records + " records";
    throw new InputException(file + ": " + what + " rejected (" + limit + "); likely cause: " + cause()
        + "; first problem: " + first + (percent == null && count == null
            ? " (--max-rejected 100% accepts such a run)" : ""));
  }

  /** The likely cause, from the problems met. */
  String cause() {
    if (encoding * 2 >= rejected) {
      return "the file is not UTF-8 text (save it as UTF-8, e.g. from Windows-1252 or UTF-16)";
    }
    if (decimalComma * 2 >= rejected) {
      return "decimal commas (numbers must use '.' as the decimal point, e.g. 0.5, not 0,5)";
    }
    if (fieldCount * 2 >= rejected) {
      return "the records do not have the header's number of fields: another delimiter than ',' in the records, "
          + "unquoted commas (decimal commas?) or a broken quote";
    }
    return "not a daily rated usage file, or one whose columns hold other values than their names say";
  }
}
