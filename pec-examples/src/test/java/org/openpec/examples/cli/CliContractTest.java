package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpec.io.InputException;

/**
 * The contract of docs/cli.md that issues 15 and 16 found broken: outputs checked before reading and written
 * atomically (D1, D13, D16), write errors on standard output (D2), escaped terminal messages (D22), reasons in
 * messages (D25), --max-rejected, side files without a usable row, usage errors, --version and --help.
 */
class CliContractTest {

  static Path worked;

  @TempDir
  Path dir;

  @BeforeAll
  static void locate() throws URISyntaxException {
    worked = Path.of(CliContractTest.class.getResource("/worked/usage.csv").toURI()).getParent();
  }

  static String w(String name) {
    return worked.resolve(name).toString();
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** The worked usage file with {@code n} copies of its records. */
  Path bigUsage(int copies) throws IOException {
    List<String> lines = Files.readAllLines(worked.resolve("usage.csv"));
    StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 0; i < copies; i++) {
      lines.subList(1, lines.size()).forEach(l -> b.append(l).append('\n'));
    }
    return file("big.csv", b.toString());
  }

  static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @Nested
  class OutputsBeforeReading {
    @Test
    void outNamingTheUsageFileIsRefusedAndTheFileKept() throws IOException {
      Path usage = file("u.csv", Files.readString(worked.resolve("usage.csv")));
      String before = Files.readString(usage);
      CliRun run = CliRun.of("credit", "--usage", usage.toString(), "--grants", w("grants.csv"), "--out",
          usage.toString());
      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).contains("--out").contains("names the input --usage").contains("refused");
      assertThat(Files.readString(usage)).isEqualTo(before);
    }

    @Test
    void summaryOrOutNamingAnyInputIsRefused() throws IOException {
      Path grants = file("g.csv", Files.readString(worked.resolve("grants.csv")));
      String before = Files.readString(grants);
      CliRun summary = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", grants.toString(), "--summary",
          dir.resolve("x/../g.csv").toString());
      assertThat(summary.status()).isEqualTo(2);
      assertThat(summary.err()).contains("--summary").contains("--grants");
      CliRun reconcile = CliRun.of("reconcile", "--usage", w("usage.csv"), "--grants", grants.toString(), "--out",
          grants.toString());
      assertThat(reconcile.status()).isEqualTo(2);
      CliRun losses = CliRun.of("losses", "--usage", w("usage.csv"), "--grants", grants.toString(), "--out",
          grants.toString());
      assertThat(losses.status()).isEqualTo(2);
      assertThat(Files.readString(grants)).isEqualTo(before);
    }

    @Test
    void outAndSummaryNamingOneFileIsAUsageError() {
      String same = dir.resolve("same").toString();
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--out", same,
          "--summary", same);
      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).contains("--summary and --out name the same file");
    }

    @Test
    void anUnwritableSummaryFailsBeforeReadingWithOneLine() throws IOException {
      Path usage = file("u.csv", Files.readString(worked.resolve("usage.csv"))
          + "C1,P,,plan,S1,2026-13-01,prod,0001,m,,1,1,USD,USD,1\n");
      Path out = dir.resolve("credit.csv");
      CliRun run = CliRun.of("credit", "--usage", usage.toString(), "--grants", w("grants.csv"), "--out",
          out.toString(), "--summary", dir.resolve("no/such/folder/s.json").toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(lines(run.err())).containsExactly("pec: " + dir.resolve("no/such/folder/s.json")
          + ": cannot write file: the folder " + dir.resolve("no/such/folder") + " does not exist");
      assertThat(out).doesNotExist();
      assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aFolderAsOutputIsRefused() {
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--out",
          dir.toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("cannot write file: it is a folder").doesNotContain("\tat ");
    }
  }

  @Nested
  class AtomicOutputs {
    @Test
    void aRunThatFailsMidwayLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
      Path out = file("credit.csv", "OLD\n");
      byte[] good = Files.readAllBytes(bigUsage(400));
      InputStream failing = new SequenceInputStream(new ByteArrayInputStream(good), new InputStream() {
        @Override
        public int read() throws IOException {
          throw new IOException("the network drive went away");
        }
      });
      InputStream stdin = System.in;
      CliRun run;
      try {
        System.setIn(failing);
        run = CliRun.of("credit", "--usage", "-", "--grants", w("grants.csv"), "--out", out.toString());
      } finally {
        System.setIn(stdin);
      }
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("the network drive went away").doesNotContain("\tat ");
      assertThat(Files.readString(out)).isEqualTo("OLD\n");
      assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void outOfMemoryIsOneLineWithoutAStackTrace() throws IOException {
      byte[] good = Files.readAllBytes(bigUsage(10));
      InputStream exhausted = new SequenceInputStream(new ByteArrayInputStream(good), new InputStream() {
        @Override
        public int read() {
          throw new OutOfMemoryError("Java heap space");
        }
      });
      InputStream stdin = System.in;
      CliRun run;
      try {
        System.setIn(exhausted);
        run = CliRun.of("credit", "--usage", "-", "--grants", w("grants.csv"), "--out",
            dir.resolve("c.csv").toString());
      } finally {
        System.setIn(stdin);
      }
      assertThat(run.status()).isEqualTo(1);
      assertThat(lines(run.err())).singleElement().asString().startsWith("pec: out of memory (Java heap space)");
      assertThat(dir.resolve("c.csv")).doesNotExist();
      assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aCompleteRunReplacesTheFile() throws IOException {
      Path out = file("credit.csv", "OLD\n");
      Path summary = file("summary.json", "{}");
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--out",
          out.toString(), "--summary", summary.toString());
      assertThat(run.status()).isZero();
      assertThat(Files.readAllLines(out)).hasSize(14);
      assertThat(Files.readString(summary)).contains("\"records\" : 13");
      assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aDeviceIsWrittenDirectlyNeverReplaced() {
      Path devNull = Path.of("/dev/null");
      assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null here");
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--out", "/dev/null");
      assertThat(run.status()).as(run.err()).isZero();
      assertThat(Files.isRegularFile(devNull)).isFalse();
    }

    @Test
    void aSymbolicLinkKeepsPointingAtTheFileItNames() throws IOException {
      Path real = file("real.csv", "OLD\n");
      real.toFile().setReadable(true, false);
      java.util.Set<java.nio.file.attribute.PosixFilePermission> before = Files.getPosixFilePermissions(real);
      Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--out",
          link.toString());
      assertThat(run.status()).as(run.err()).isZero();
      assertThat(Files.isSymbolicLink(link)).isTrue();
      assertThat(Files.readAllLines(real)).hasSize(14);
      assertThat(Files.getPosixFilePermissions(real)).isEqualTo(before);
    }

    @Test
    void uncommittedOutputsAreDeletedAndTheTargetUntouched() throws IOException {
      Path target = file("t.csv", "OLD");
      Outputs outputs = Outputs.of(null, List.of(), new Outputs.Named("--out", target));
      assertThat(temporaryFiles()).hasSize(1);
      Writer w = outputs.writer(target, null);
      w.write("NEW, half written");
      w.flush();
      assertThat(Files.readString(target)).isEqualTo("OLD");
      Outputs.closeAll();
      assertThat(Files.readString(target)).isEqualTo("OLD");
      assertThat(temporaryFiles()).isEmpty();
    }
  }

  /** A writer that fails as a full disk or a closed pipe does, counting the attempts. */
  static final class FailingWriter extends Writer {
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      writes.incrementAndGet();
      throw new IOException("No space left on device");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void close() {}
  }

  static CliRun onFailingStdout(FailingWriter failing, String... args) {
    StringWriter err = new StringWriter();
    int status = PecCommand.commandLine(TerminalWriter.of(failing), new PrintWriter(err, true)).execute(args);
    return new CliRun(status, "", err.toString());
  }

  @Nested
  class StandardOutputErrors {
    @ParameterizedTest
    @ValueSource(strings = {"credit", "reconcile", "losses", "explain"})
    void aFailedWriteIsExitOneWithOneLine(String command) {
      String[] args = command.equals("explain")
          ? new String[] {command, "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--line", "1"}
          : new String[] {command, "--usage", w("usage.csv"), "--grants", w("grants.csv")};
      CliRun run = onFailingStdout(new FailingWriter(), args);
      assertThat(run.status()).isEqualTo(1);
      assertThat(lines(run.err())).filteredOn(l -> !l.startsWith("pec: warning:"))
          .containsExactly("pec: standard output: cannot write: No space left on device");
    }

    @Test
    void demoAndHelpToAFullDiskFail() {
      assertThat(onFailingStdout(new FailingWriter(), "demo").status()).isEqualTo(1);
      assertThat(onFailingStdout(new FailingWriter(), "credit", "--help").status()).isEqualTo(1);
    }

    @Test
    void aClosedPipeStopsTheRunAtTheFirstFailedWrite() throws IOException {
      Path usage = bigUsage(2000); // 26,000 records, about 3 MB of output
      FailingWriter failing = new FailingWriter();
      CliRun run = onFailingStdout(failing, "credit", "--usage", usage.toString(), "--grants", w("grants.csv"));
      assertThat(run.status()).isEqualTo(1);
      assertThat(failing.writes.get()).isEqualTo(1);
    }
  }

  @Nested
  class Terminal {
    @Test
    void controlCharactersFromInputsAreEscapedOnStandardError() throws IOException {
      String header = Files.readAllLines(worked.resolve("usage.csv")).get(0);
      Path usage = file("esc.csv", header + "\n"
          + "C1,P,,plan,S1,\"\u001b]0;owned\u0007\u001b[2J\",prod,0001,m,,1,1,USD,USD,1\n"
          + "C1,P,,plan,S1,\"2026\npec: forged line\r\",prod,0001,m,,1,1,USD,USD,1\n"
          + "C1,P,,plan,S1,\"\u0000\u009b\u202e\",prod,0001,m,,1,1,USD,USD,1\n");
      CliRun run = CliRun.of("credit", "--usage", usage.toString(), "--grants", w("grants.csv"), "--max-rejected",
          "100%");
      assertThat(run.status()).isZero();
      assertThat(run.err()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r")
          .doesNotContain("\u0000").doesNotContain("\u009b").doesNotContain("\u202e")
          .contains("]0;owned").contains("pec: forged line");
      assertThat(lines(run.err())).hasSize(3).noneMatch(l -> l.startsWith("pec: forged"));
      // the CSV keeps the data as it is
      assertThat(run.out()).contains("\u001b]0;owned");
    }

    @Test
    void controlCharactersAreEscapedInTheReadableOutputs() throws IOException {
      String header = Files.readAllLines(worked.resolve("usage.csv")).get(0);
      Path usage = file("esc.csv", header + "\n"
          + "C1,P,,plan,S1,2026-03-05,prod,0001,m,/subscriptions/NOPE/\u001b[31mred\u001b[0m,24,0.50,USD,USD,1\n");
      CliRun explain = CliRun.of("explain", "--usage", usage.toString(), "--grants", w("grants.csv"), "--line", "1");
      assertThat(explain.status()).isZero();
      assertThat(explain.out()).doesNotContain("\u001b").contains("/subscriptions/NOPE/\\x1B[31mred\\x1B[0m");
      CliRun losses = CliRun.of("losses", "--usage", usage.toString(), "--grants", w("grants.csv"), "--prices",
          w("prices.csv"));
      assertThat(losses.status()).isZero();
      assertThat(losses.out()).doesNotContain("\u001b").contains("\\x1B[31mred");
    }

    @Test
    void escapeKeepsPlainTextAndTabs() {
      assertThat(TerminalWriter.escape("Société\tok\n")).isEqualTo("Société\tok\n");
      assertThat(TerminalWriter.escapeLine("a\nb")).isEqualTo("a\\nb");
    }
  }

  @Nested
  class MessagesNameTheReason {
    @Test
    void permissionDeniedIsNamed() {
      AccessDeniedException denied = new AccessDeniedException("/x/grants.csv");
      InputException e = new InputException("/x/grants.csv: cannot read file: " + denied.getMessage(), denied);
      assertThat(Reasons.withReason(e)).isEqualTo("/x/grants.csv: cannot read file: permission denied");
    }

    @Test
    void anUnreadableFileNamesTheReason() throws IOException {
      Path grants = file("g.csv", Files.readString(worked.resolve("grants.csv")));
      assumeTrue(grants.toFile().setReadable(false, false) && !Files.isReadable(grants), "running as root");
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", grants.toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("permission denied");
    }

    @Test
    void anUnwritableFolderNamesTheReason() throws IOException {
      Path folder = Files.createDirectory(dir.resolve("ro"));
      assumeTrue(folder.toFile().setWritable(false, false) && !Files.isWritable(folder), "running as root");
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--out",
          folder.resolve("c.csv").toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("permission denied");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "10000-01-01", "0000-01-01", "1899-12-31", "-2026-03-01", "2026-02-30"})
    void generateRefusesAFirstDayOutOfRangeAsAUsageError(String day) {
      CliRun run = CliRun.of("generate", "--out-dir", dir.resolve("m").toString(), "--first-day", day);
      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).contains("--first-day").doesNotContain("\tat ");
      assertThat(lines(run.err())).hasSize(2);
    }
  }

  @Nested
  class MaxRejected {
    Path decimalCommas() throws IOException {
      List<String> lines = Files.readAllLines(worked.resolve("usage.csv"));
      StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
      for (String l : lines.subList(1, lines.size())) {
        String[] f = l.split(",", -1);
        f[10] = "\"" + f[10] + ",5\"";
        b.append(String.join(",", f)).append('\n');
      }
      return file("commas.csv", b.toString());
    }

    @Test
    void everyRecordRejectedIsExitOneNamingTheDecimalComma() throws IOException {
      Path usage = decimalCommas();
      Path out = dir.resolve("c.csv");
      CliRun run = CliRun.of("credit", "--usage", usage.toString(), "--grants", w("grants.csv"), "--out",
          out.toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("every one of the 13 records rejected").contains("decimal commas")
          .contains("--max-rejected 100%");
      assertThat(Files.readAllLines(out)).hasSize(14);
      assertThat(CliRun.of("reconcile", "--usage", usage.toString(), "--grants", w("grants.csv")).status())
          .isEqualTo(1);
      assertThat(CliRun.of("losses", "--usage", usage.toString(), "--grants", w("grants.csv")).status())
          .isEqualTo(1);
      assertThat(CliRun.of("credit", "--usage", usage.toString(), "--grants", w("grants.csv"), "--max-rejected",
          "100%").status()).isZero();
    }

    @Test
    void aWrongFieldCountNamesTheDelimiter() throws IOException {
      String header = Files.readAllLines(worked.resolve("usage.csv")).get(0);
      Path usage = file("semi.csv", header + "\nC1;P;;plan;S1;2026-03-05;prod;0001;m;;1;1;USD;USD;1\n");
      CliRun run = CliRun.of("credit", "--usage", usage.toString(), "--grants", w("grants.csv"));
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("delimiter");
    }

    @Test
    void countsAndPercentagesBoundTheRejections() throws IOException {
      Path usage = file("u.csv", Files.readString(worked.resolve("usage.csv"))
          + "C1,P,,plan,S1,2026-13-01,prod,0001,m,,1,1,USD,USD,1\n");
      String[] base = {"credit", "--usage", usage.toString(), "--grants", w("grants.csv")};
      assertThat(CliRun.of(base).status()).isZero();
      assertThat(CliRun.of(append(base, "--max-rejected", "1")).status()).isZero();
      CliRun zero = CliRun.of(append(base, "--max-rejected", "0"));
      assertThat(zero.status()).isEqualTo(1);
      assertThat(zero.err()).contains("1 of 14 records rejected (more than --max-rejected 0)");
      assertThat(CliRun.of(append(base, "--max-rejected", "7.2%")).status()).isZero();
      assertThat(CliRun.of(append(base, "--max-rejected", "7.1%")).status()).isEqualTo(1);
      assertThat(CliRun.of(append(base, "--max-rejected", "ten")).status()).isEqualTo(2);
      assertThat(CliRun.of(append(base, "--max-rejected", "101%")).status()).isEqualTo(2);
    }

    @Test
    void aHeaderOnlyUsageFileIsStillANormalRun() throws IOException {
      Path usage = file("h.csv", Files.readAllLines(worked.resolve("usage.csv")).get(0) + "\n");
      assertThat(CliRun.of("credit", "--usage", usage.toString(), "--grants", w("grants.csv")).status()).isZero();
    }

    static String[] append(String[] a, String... more) {
      String[] r = java.util.Arrays.copyOf(a, a.length + more.length);
      System.arraycopy(more, 0, r, a.length, more.length);
      return r;
    }
  }

  @Nested
  class NoUsableRow {
    @Test
    void aGrantsFileWhoseRowsAreAllBadIsExitOne() throws IOException {
      Path grants = file("g.csv", "GrantId,PartnerId,Channel,RoleName,Scope,GrantedAt\nG1,P,AOBO,Owner,/subscriptions/S1,"
          + "yesterday\n");
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", grants.toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("g.csv: no usable row: its only row is bad; first problem: g.csv:2:6:");
    }

    @Test
    void aHeaderOnlySideFileIsExitOne() throws IOException {
      Path partners = file("p.csv", "PartnerId,OrganizationId,AgreementStart,AgreementEnd\n");
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--partners",
          partners.toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("p.csv: no usable row: the file holds a header and no rows");
    }

    @Test
    void aCsvGivenAsActivityLogIsExitOne() throws IOException {
      Path principals = file("pr.csv", "PrincipalId,PartnerId,Channel\n0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d,P,AOBO\n");
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--activity-log", w("grants.csv"),
          "--principals", principals.toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("grants.csv: no usable event");
    }
  }

  @Nested
  class UsageMessages {
    @Test
    void aUsageErrorIsOneLineAndAHint() {
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--bogus");
      assertThat(run.status()).isEqualTo(2);
      assertThat(lines(run.err())).containsExactly("pec credit: Unknown option: '--bogus'",
          "Try 'pec credit --help' for the options.");
      assertThat(lines(CliRun.of().err())).hasSize(2);
    }

    @Test
    void versionComesFromTheBuild() throws IOException {
      CliRun run = CliRun.of("--version");
      assertThat(run.status()).isZero();
      String pom = Files.readString(Path.of("pom.xml"));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("<parent>.*?<version>([^<]+)</version>",
          java.util.regex.Pattern.DOTALL).matcher(pom);
      assertThat(m.find()).isTrue();
      assertThat(run.out().strip()).isEqualTo("pec " + m.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "credit", "reconcile", "losses", "explain", "grants", "generate"})
    void everyHelpListsTheExitStatuses(String command) {
      CliRun run = CliRun.of(command, "--help");
      assertThat(run.status()).isZero();
      assertThat(run.out()).contains("Exit status:").containsPattern("(?m)^\\s+0\\s+the run finished")
          .containsPattern("(?m)^\\s+1\\s+an input cannot be used").containsPattern("(?m)^\\s+2\\s+usage error");
      boolean strict = List.of("credit", "reconcile", "grants").contains(command);
      assertThat(run.out().contains("--strict was given")).isEqualTo(strict);
    }
  }
}
