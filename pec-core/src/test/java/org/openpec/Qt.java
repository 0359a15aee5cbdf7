package org.openpec;

import java.util.Optional;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Configuration;
import org.quicktheories.core.ExceptionReporter;
import org.quicktheories.core.NoGuidance;
import org.quicktheories.core.Strategy;

/**
 * The one entry point of property tests: {@code Qt.qt().forAll(...)}.
 *
 * <p>The number of examples and the seed come from the system properties {@code QT_EXAMPLES} and
 * {@code QT_SEED}, which Surefire passes through ({@code mvn test -DQT_SEED=42 -DQT_EXAMPLES=5000}). A property
 * that is absent, blank, or still the unexpanded {@code ${QT_SEED}} text Maven leaves when the variable is not
 * set, is ignored: then the default of {@value #DEFAULT_EXAMPLES} examples and a fresh seed apply. A failing
 * property reports its seed, so the run can be repeated with {@code -DQT_SEED=...}.
 *
 * <p>The strategy is built here instead of by {@code QuickTheory.qt()}, which parses the same properties itself
 * and would fail on the unexpanded text.
 */
public final class Qt {

  /** Examples per property when {@code QT_EXAMPLES} is not set: enough to hit the edges of the tiny domains. */
  public static final int DEFAULT_EXAMPLES = 300;

  private static final int SHRINK_CYCLES = 10_000;
  private static final int GENERATE_ATTEMPTS = 10;

  private Qt() {}

  /** A theory with the configured examples and seed. */
  public static QuickTheory qt() {
    return qt(1);
  }

  /**
   * A theory with the configured examples divided by {@code divisor} (at least 10), for properties that are
   * costly per example.
   */
  public static QuickTheory qt(int divisor) {
    int examples = Math.max(10, examples() / Math.max(1, divisor));
    return QuickTheory.qt(() -> new Strategy(Configuration.defaultPRNG(seed()), examples, -1, SHRINK_CYCLES,
        GENERATE_ATTEMPTS, new ExceptionReporter(), prng -> new NoGuidance()));
  }

  /** The configured number of examples, or {@value #DEFAULT_EXAMPLES}. */
  public static int examples() {
    return property("QT_EXAMPLES").map(Integer::parseInt).filter(n -> n > 0).orElse(DEFAULT_EXAMPLES);
  }

  /** The configured seed, or a fresh one. */
  static long seed() {
    return property("QT_SEED").map(Long::parseLong).orElseGet(System::nanoTime);
  }

  private static Optional<String> property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    return v.matches("[+-]?\\d{1,18}") ? Optional.of(v) : Optional.empty();
  }
}
