package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.CreditStatement;
import org.openpec.examples.cli.ReportCommandTest.Month;

/**
 * The report in a real browser: headless Chromium opens the page from disk (no network), runs its scripts, and
 * the DOM it produced is checked — the totals, every customer, every episode, the ready marker, no script error —
 * and a screenshot is written to {@code target/report-screenshots/}.
 *
 * <p>Skipped when Chromium is absent on a developer machine; under CI ({@code CI=true}, where {@code .ci/run}
 * installs Debian's {@code chromium}) its absence fails the test.
 */
class ReportBrowserTest {

  static Path chromium;
  static Path demo;

  @TempDir
  Path dir;

  @BeforeAll
  static void findChromium() throws IOException {
    for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(candidate))) {
        chromium = Path.of(candidate);
      }
    }
    if (chromium == null && "true".equals(System.getenv("CI"))) {
      fail("CI needs Chromium for the browser test: .ci/run installs Debian's chromium package");
    }
    Assumptions.assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium)");
    demo = DemoCommand.extractSample();
  }

  @AfterAll
  static void deleteDemo() throws IOException {
    if (demo != null) {
      DemoCommand.deleteSample(demo);
    }
  }

  /** Runs headless Chromium on {@code page} with {@code extra} flags; returns its standard output. */
  String chromium(Path page, String... extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile));
    cmd.addAll(List.of(extra));
    cmd.add(page.toUri().toString());
    Path stdout = dir.resolve("chromium.out");
    Path stderr = dir.resolve("chromium.err");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("Chromium did not finish within 120 s: " + Files.readString(stderr));
    }
    assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  /** The DOM after the page's scripts ran. */
  ReportPage dom(Path page) throws IOException, InterruptedException {
    String dom = chromium(page, "--dump-dom");
    assertThat(dom).as("Chromium's DOM").contains("</html>");
    return new ReportPage(dom);
  }

  /** A screenshot of the top of the page in {@code target/report-screenshots/NAME.png}. */
  void screenshot(Path page, String name) throws IOException, InterruptedException {
    Path folder = Files.createDirectories(Path.of("target", "report-screenshots"));
    Path png = folder.resolve(name + ".png").toAbsolutePath();
    Files.deleteIfExists(png);
    chromium(page, "--screenshot=" + png, "--window-size=1360,2200", "--hide-scrollbars");
    assertThat(png).exists();
    assertThat(Files.size(png)).as("a real picture").isGreaterThan(20_000);
  }

  static void assertRan(ReportPage dom) {
    assertThat(dom.html()).contains("data-report-ready=\"ok\"").contains("data-script-errors=\"0\"");
    assertThat(dom.html()).contains("data-customers=\"" + dom.customerRowCount() + "\"")
        .contains("data-episodes=\"" + dom.episodeRowCount() + "\"");
  }

  void check(Month m, String name) throws IOException, InterruptedException {
    Path page = dir.resolve(name + ".html");
    ReportCommandTest.report(m, page);
    ReportPage dom = dom(page);
    assertRan(dom);
    CreditStatement s = m.statement();
    List<NamedCsvRecord> episodes = ReportCommandTest.losses(m, dir);
    ReportCommandTest.assertPageIsTheStatement(dom, s, episodes);
    screenshot(page, name);
  }

  @Test
  void theDemoMonthRendersWithEveryTotalCustomerAndEpisode() throws Exception {
    check(Month.in(demo), "demo");
  }

  @Test
  void aGeneratedMonthRendersWithEveryTotalCustomerAndEpisode() throws Exception {
    check(ReportCommandTest.generated(dir.resolve("month")), "generated");
  }

  @Test
  void theTooltipAndSortingWorkInTheBrowser() throws Exception {
    Path page = dir.resolve("report.html");
    String html = ReportCommandTest.report(Month.in(demo), page).html();
    String probe = "<script>(function () {"
        + "var r = document.querySelector('svg.calendar rect[data-tip*=\"NO_ACCESS\"]');"
        + "r.dispatchEvent(new MouseEvent('mouseover', {bubbles: true, clientX: 20, clientY: 20}));"
        + "var tip = document.getElementById('tip');"
        + "document.documentElement.setAttribute('data-probe-tip', tip.hidden ? 'hidden' : tip.textContent);"
        + "var th = document.querySelector('#customer-table th:nth-child(2)');"
        + "th.click();"
        + "var first = document.querySelector('#customer-table tbody tr').getAttribute('data-customer');"
        + "document.documentElement.setAttribute('data-probe-first', first);"
        + "})();</script>\n</body>";
    Files.writeString(page, html.replace("</body>", probe), StandardCharsets.UTF_8);
    ReportPage dom = dom(page);
    assertRan(dom);
    assertThat(dom.html()).containsPattern("data-probe-tip=\"Northwind Traders · subscription [^\"]*2026-03-11\\s+"
        + "NO_ACCESS: 2 lines, 0.49 USD lost");
    assertThat(dom.html()).as("ascending list cost puts Wingtip (35.71 USD) first")
        .contains("data-probe-first=\"7c4e5f60-dddd-4000-8000-00000000000d\"");
  }

  @Test
  void aScriptErrorShowsInTheDom() throws Exception {
    Path page = dir.resolve("broken.html");
    String html = ReportCommandTest.report(Month.in(demo), page).html();
    Files.writeString(page, html.replace("</body>", "<script>notAFunction();</script>\n</body>"),
        StandardCharsets.UTF_8);
    ReportPage dom = dom(page);
    assertThat(dom.html()).contains("data-script-errors=\"1\"").contains("notAFunction");
  }
}
