package org.openpec.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository documents itself: nothing points to the rules, formats or contract outside it, and every
 * {@code rules §N} reference names a section that docs/rules.md has.
 */
class DocsReferencesTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The text files of the repository: sources, docs, build files, resources; never build output. */
  static List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(ROOT)) {
      s.filter(Files::isRegularFile)
          .filter(p -> {
            Path rel = ROOT.relativize(p);
            for (Path part : rel) {
              String n = part.toString();
              if (n.equals(".git") || n.equals("target") || n.equals("node_modules") || n.equals(".idea")) {
                return false;
              }
            }
            return true;
          })
          .forEach(files::add);
    }
    return files;
  }

  static String text(Path p) throws IOException {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (MalformedInputException binary) {
      return "";
    }
  }

  @Test
  void nothingPointsOutsideTheRepository() throws IOException {
    String up = ".." + "/shared";
    String spec = "shared" + "/spec";
    List<String> offenders = new ArrayList<>();
    List<Path> files = files();
    for (Path p : files) {
      if (Files.size(p) > 50_000_000) {
        continue;
      }
      String t = text(p);
      if (t.contains(up) || t.contains(spec) || t.contains("/work/" + "shared")) {
        offenders.add(ROOT.relativize(p).toString());
      }
    }
    assertThat(files).as("the walk finds the repository's files").anyMatch(p -> p.endsWith("README.md"))
        .anyMatch(p -> p.endsWith("PecCalculator.java"));
    assertThat(offenders).as("files that point outside the repository").isEmpty();
  }

  @Test
  void everyRulesReferenceNamesASectionOfTheRules() throws IOException {
    Set<String> sections = new HashSet<>();
    Matcher h = Pattern.compile("(?m)^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ").matcher(text(ROOT.resolve("docs/rules.md")));
    while (h.find()) {
      sections.add(h.group(1));
    }
    assertThat(sections).contains("1", "6", "6.5", "9", "12.6");
    Pattern ref = Pattern.compile("(?i)rules(?:\\.md)? §(\\d+(?:\\.\\d+)?)((?:(?:, | and |–)§\\d+(?:\\.\\d+)?)*)");
    Pattern more = Pattern.compile("§(\\d+(?:\\.\\d+)?)");
    List<String> unknown = new ArrayList<>();
    int found = 0;
    for (Path p : files()) {
      String name = p.getFileName().toString();
      if (!(name.endsWith(".java") || name.endsWith(".md"))) {
        continue;
      }
      Matcher m = ref.matcher(text(p));
      while (m.find()) {
        List<String> numbers = new ArrayList<>(List.of(m.group(1)));
        Matcher x = more.matcher(m.group(2));
        while (x.find()) {
          numbers.add(x.group(1));
        }
        for (String n : numbers) {
          found++;
          if (!sections.contains(n)) {
            unknown.add(ROOT.relativize(p) + ": rules §" + n);
          }
        }
      }
    }
    assertThat(found).as("references found").isGreaterThan(50);
    assertThat(unknown).as("references to sections docs/rules.md lacks").isEmpty();
  }

  @Test
  void everyLinkedDocumentExists() throws IOException {
    Pattern link = Pattern.compile("docs/([\\w-]+\\.md)");
    List<String> missing = new ArrayList<>();
    for (Path p : files()) {
      String name = p.getFileName().toString();
      if (!(name.endsWith(".java") || name.endsWith(".md"))) {
        continue;
      }
      Matcher m = link.matcher(text(p));
      while (m.find()) {
        if (!Files.exists(ROOT.resolve("docs").resolve(m.group(1)))) {
          missing.add(ROOT.relativize(p) + ": docs/" + m.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}
