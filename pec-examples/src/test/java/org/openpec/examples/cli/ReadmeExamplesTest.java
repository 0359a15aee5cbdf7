package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs the README shows cannot drift: every fenced block that starts with a {@code $ } command line is run
 * here — {@code pec} in process, with the few shell tools the README uses ({@code cut}, {@code grep}, {@code
 * head}, {@code cat}, {@code diff} of two pipelines) emulated — and its output compared with the lines shown.
 *
 * <p>Shell variables are taken from the README's own blocks of {@code NAME=value} lines. A line {@code ...} in a
 * shown output stands for lines left out; every other shown line must appear, in order, with the runs between
 * {@code ...} lines contiguous. Paths are relative to the repository root, as in the README.
 */
class ReadmeExamplesTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final String PEC = "java -jar pec-examples/target/pec.jar";
  /** The short form the README uses for the examples it runs from {@link #FORMATS}. */
  static final String SHORT = "pec";
  /** The folder the README's {@code $ pec ...} examples run from, as it says. */
  static final String FORMATS = "pec-core/src/test/resources/org/openpec/io/formats";

  @TempDir
  static Path work;

  /** A fenced block of the README: its first line number and its lines. */
  record Block(int line, List<String> lines) {}

  static List<Block> blocks() throws IOException {
    List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
    List<Block> blocks = new ArrayList<>();
    List<String> current = null;
    int start = 0;
    for (int i = 0; i < readme.size(); i++) {
      String l = readme.get(i);
      if (l.startsWith("```")) {
        if (current == null) {
          current = new ArrayList<>();
          start = i + 2;
        } else {
          blocks.add(new Block(start, current));
          current = null;
        }
      } else if (current != null) {
        current.add(l);
      }
    }
    return blocks;
  }

  /** The variables the README defines ({@code D=...}, {@code INPUTS="..."}), expanded in order. */
  static Map<String, String> variables(List<Block> blocks) {
    Map<String, String> vars = new LinkedHashMap<>();
    Pattern def = Pattern.compile("^([A-Z][A-Z0-9_]*)=(.*)$");
    for (Block b : blocks) {
      for (String logical : logicalLines(b.lines())) {
        Matcher m = def.matcher(logical);
        if (m.matches()) {
          String v = m.group(2).trim();
          if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
          }
          vars.put(m.group(1), expand(v, vars));
        }
      }
    }
    return vars;
  }

  /** Lines with backslash continuations joined. */
  static List<String> logicalLines(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder b = null;
    for (String l : lines) {
      String s = l.stripTrailing();
      boolean more = s.endsWith("\\");
      String part = more ? s.substring(0, s.length() - 1) : s;
      if (b == null) {
        b = new StringBuilder(part);
      } else {
        b.append(' ').append(part.strip());
      }
      if (!more) {
        out.add(b.toString());
        b = null;
      }
    }
    if (b != null) {
      out.add(b.toString());
    }
    return out;
  }

  static String expand(String text, Map<String, String> vars) {
    Matcher m = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)\\}?").matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = vars.get(m.group(1));
      if (v == null) {
        throw new AssertionError("README uses $" + m.group(1) + " without defining it");
      }
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** Shell words: split at spaces, with single and double quotes grouping. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder w = null;
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        w = w == null ? new StringBuilder() : w;
      } else if (c == ' ') {
        if (w != null) {
          words.add(w.toString());
          w = null;
        }
      } else {
        w = w == null ? new StringBuilder() : w;
        w.append(c);
      }
    }
    if (w != null) {
      words.add(w.toString());
    }
    return words;
  }

  /** Splits a command line at the pipes that are not inside quotes or parentheses. */
  static List<String> pipeline(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(text.substring(from, i).trim());
        from = i + 1;
      }
    }
    parts.add(text.substring(from).trim());
    return parts;
  }

  /** Runs one command line as the README's shell would, returning the lines a terminal shows. */
  static List<String> run(String command) throws IOException {
    Matcher diff = Pattern.compile("^diff <\\((.*)\\) <\\((.*)\\) && echo same$").matcher(command);
    if (diff.matches()) {
      List<String> a = run(diff.group(1).trim());
      List<String> b = run(diff.group(2).trim());
      assertThat(b).as("the two sides of " + command).isEqualTo(a);
      return List.of("same");
    }
    List<String> stages = pipeline(command);
    List<String> shown = new ArrayList<>();
    List<String> lines = source(stages.get(0), shown);
    for (String stage : stages.subList(1, stages.size())) {
      lines = filter(words(stage), lines);
    }
    shown.addAll(lines);
    return shown;
  }

  /** The first stage: {@code pec} in process, or {@code cat}/{@code cut} of a file; its standard error to {@code err}. */
  static List<String> source(String stage, List<String> err) throws IOException {
    boolean short_ = stage.startsWith(SHORT + " ");
    if (stage.startsWith(PEC + " ") || short_) {
      Path cwd = short_ ? ROOT.resolve(FORMATS) : ROOT;
      List<String> args = new ArrayList<>();
      List<String> w = words(stage.substring(short_ ? SHORT.length() : PEC.length()));
      for (int i = 0; i < w.size(); i++) {
        String a = w.get(i);
        boolean output = i > 0 && (w.get(i - 1).equals("--out") || w.get(i - 1).equals("--summary"));
        args.add(output ? work.resolve(a).toString() : Files.exists(cwd.resolve(a)) && !a.startsWith("-")
            ? cwd.resolve(a).toString() : a);
      }
      CliRun r = CliRun.of(args.toArray(String[]::new));
      err.addAll(clean(r.err(), cwd));
      return clean(r.out(), cwd);
    }
    List<String> w = words(stage);
    Path file = file(w.get(w.size() - 1));
    List<String> lines = Files.readAllLines(file);
    if (w.get(0).equals("cat")) {
      return lines;
    }
    return filter(w.subList(0, w.size() - 1), lines);
  }

  static Path file(String name) {
    Path p = work.resolve(name);
    return Files.exists(p) ? p : ROOT.resolve(name);
  }

  static List<String> clean(String text, Path cwd) {
    if (text.isEmpty()) {
      return List.of();
    }
    String t = text.replace("\uFEFF", "").replace(work + "/", "").replace(cwd + "/", "").replace(ROOT + "/", "");
    List<String> out = new ArrayList<>();
    for (String l : t.split("\n", -1)) {
      out.add(l.stripTrailing());
    }
    if (out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** {@code cut -d, -fLIST}, {@code grep [-v] PATTERN}, {@code head -N}. */
  static List<String> filter(List<String> w, List<String> lines) {
    switch (w.get(0)) {
      case "head": {
        int n = Integer.parseInt(w.get(1).substring(1));
        return lines.subList(0, Math.min(n, lines.size()));
      }
      case "grep": {
        boolean invert = w.get(1).equals("-v");
        Pattern p = Pattern.compile(w.get(invert ? 2 : 1));
        return lines.stream().filter(l -> p.matcher(l).find() != invert).toList();
      }
      case "cut": {
        String delimiter = w.get(1).substring(2);
        TreeSet<Integer> fields = new TreeSet<>();
        int open = Integer.MAX_VALUE;
        for (String range : w.get(2).substring(2).split(",")) {
          String[] ends = range.split("-", -1);
          int from = Integer.parseInt(ends[0]);
          if (ends.length == 1) {
            fields.add(from);
          } else if (ends[1].isEmpty()) {
            open = Math.min(open, from);
          } else {
            for (int f = from; f <= Integer.parseInt(ends[1]); f++) {
              fields.add(f);
            }
          }
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) {
          if (!l.contains(delimiter)) {
            out.add(l);
            continue;
          }
          String[] cells = l.split(Pattern.quote(delimiter), -1);
          List<String> kept = new ArrayList<>();
          for (int f = 1; f <= cells.length; f++) {
            if (fields.contains(f) || f >= open) {
              kept.add(cells[f - 1]);
            }
          }
          out.add(String.join(delimiter, kept));
        }
        return out;
      }
      default:
        throw new AssertionError("the README uses a tool this test does not emulate: " + w);
    }
  }

  /**
   * Whether {@code actual} shows {@code shown}: the runs of shown lines between {@code ...} lines appear in
   * order and contiguous, the first at the start and the last at the end unless a {@code ...} stands there.
   */
  static void assertShows(List<String> actual, List<String> shown, String where) {
    List<List<String>> runs = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (String l : shown) {
      if (l.strip().equals("...")) {
        runs.add(run);
        run = new ArrayList<>();
      } else {
        run.add(l.stripTrailing());
      }
    }
    runs.add(run);
    int at = 0;
    for (int i = 0; i < runs.size(); i++) {
      List<String> r = runs.get(i);
      boolean first = i == 0;
      boolean last = i == runs.size() - 1;
      int found = -1;
      if (first) {
        found = startsAt(actual, r, 0) ? 0 : -1;
      } else if (last) {
        int end = actual.size() - r.size();
        found = end >= at && startsAt(actual, r, end) ? end : -1;
      } else {
        for (int s = at; s + r.size() <= actual.size() && found < 0; s++) {
          found = startsAt(actual, r, s) ? s : -1;
        }
      }
      if (found < 0 || (first && last && actual.size() != r.size())) {
        assertThat(String.join("\n", actual)).as(where + ": the README shows lines this run does not print")
            .isEqualTo(String.join("\n", shown));
      }
      at = found + r.size();
    }
  }

  static boolean startsAt(List<String> actual, List<String> run, int s) {
    if (s < 0 || s + run.size() > actual.size()) {
      return false;
    }
    return actual.subList(s, s + run.size()).equals(run);
  }

  /** The commands of a block with the lines shown after each. */
  static List<Map.Entry<String, List<String>>> commands(Block b) {
    List<Map.Entry<String, List<String>>> out = new ArrayList<>();
    List<String> lines = b.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("$ ")) {
        continue;
      }
      StringBuilder cmd = new StringBuilder(lines.get(i).substring(2).stripTrailing());
      while (cmd.toString().endsWith("\\")) {
        cmd.setLength(cmd.length() - 1);
        cmd.append(' ').append(lines.get(++i).strip());
      }
      List<String> shown = new ArrayList<>();
      while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ")) {
        shown.add(lines.get(++i));
      }
      out.add(Map.entry(cmd.toString().replaceAll(" +", " "), shown));
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyShownOutputIsWhatTheCommandPrints() throws IOException {
    List<Block> blocks = blocks();
    Map<String, String> vars = variables(blocks);
    return blocks.stream().filter(b -> !b.lines().isEmpty() && b.lines().get(0).startsWith("$ "))
        .map(b -> DynamicTest.dynamicTest("README line " + b.line(), () -> {
          for (Map.Entry<String, List<String>> c : commands(b)) {
            assertShows(run(expand(c.getKey(), vars)), c.getValue(), "README line " + b.line() + ": " + c.getKey());
          }
        }));
  }

  @Test
  void theShortFormRunsWhereTheReadmeSays() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    if (readme.contains("\n$ " + SHORT + " ")) {
      assertThat(readme).contains(FORMATS).contains("with `pec` for `" + PEC + "`");
    }
  }

  @Test
  void theReadmeShowsTheOutputsOfTheMainCommands() throws IOException {
    List<String> commands = new ArrayList<>();
    for (Block b : blocks()) {
      if (!b.lines().isEmpty() && b.lines().get(0).startsWith("$ ")) {
        commands(b).forEach(c -> commands.add(c.getKey()));
      }
    }
    for (String command : List.of("reconcile", "losses", "explain", "grants", "credit")) {
      assertThat(commands).as("a shown run of pec " + command).anyMatch(c -> c.startsWith(PEC + " " + command)
          || c.contains("<(" + PEC + " " + command));
    }
  }

  @Test
  void matchingRespectsOmissionsAndOrder() {
    List<String> actual = List.of("a", "b", "c", "d");
    assertShows(actual, List.of("a", "...", "d"), "test");
    assertShows(actual, List.of("a", "b", "..."), "test");
    assertShows(actual, List.of("...", "c", "d"), "test");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertShows(actual, List.of("a", "c", "..."), "t"))
        .isInstanceOf(AssertionError.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertShows(actual, List.of("a", "b", "c"), "t"))
        .isInstanceOf(AssertionError.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertShows(actual, List.of("...", "b", "a"), "t"))
        .isInstanceOf(AssertionError.class);
  }
}
