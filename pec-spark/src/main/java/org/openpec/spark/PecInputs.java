package org.openpec.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.openpec.PecCalculator;
import org.openpec.io.InputException;
import org.openpec.io.InputProblem;
import org.openpec.io.Loaded;
import org.openpec.io.SideFiles;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.pricing.PriceListConflictException;
import org.openpec.pricing.Repricing;
import org.openpec.rules.CoveragePolicy;

/**
 * The side files of a run — grants, and optionally the price list, partners, rates and management-group hierarchy
 * — with the options of {@code pec credit} that change the money ({@code --reprice}, {@code --coverage}).
 *
 * <p>The files are read once, on the driver, into bytes; this small serializable value is what Spark broadcasts.
 * Each JVM (driver or executor) builds the calculator from the bytes with pec-core's readers the first time a task
 * needs it and keeps it for the following tasks ({@link #evaluator()}), because pec-core's calculator is not
 * serializable and rebuilding it per task or per line would cost more than the lines. The bad rows of a side file
 * are skipped exactly as {@code pec credit} skips them; {@link #problems()} lists them for the driver to report.
 * Immutable.
 */
public final class PecInputs implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The calculators built in this JVM, by run id; a few runs at most are kept. */
  private static final Map<String, Evaluator> BUILT = Collections.synchronizedMap(
      new LinkedHashMap<>(4, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Evaluator> eldest) {
          return size() > 4;
        }
      });

  private final String id = UUID.randomUUID().toString();
  private final SideFile grants;
  private final SideFile prices;
  private final SideFile partners;
  private final SideFile rates;
  private final SideFile hierarchy;
  private final boolean reprice;
  private final CoveragePolicy coverage;

  private PecInputs(Builder b) {
    this.grants = Objects.requireNonNull(b.grants, "a grants file is required");
    this.prices = b.prices;
    this.partners = b.partners;
    this.rates = b.rates;
    this.hierarchy = b.hierarchy;
    this.reprice = b.reprice;
    this.coverage = b.coverage;
    if (reprice && prices == null) {
      throw new IllegalArgumentException("repricing needs a price list: give prices");
    }
  }

  /** A builder: {@code PecInputs.builder().grants(path).prices(path).reprice(true).build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether list costs are taken, with graduated tiers, from the price list ({@code --reprice}). */
  public boolean reprice() {
    return reprice;
  }

  /**
   * The bad rows of the side files, as {@code pec credit} reports them on standard error ({@code file:line:column:
   * message}); these rows are skipped. Builds the calculator in this JVM if it was not built yet.
   */
  public List<InputProblem> problems() {
    return evaluator().problems;
  }

  /**
   * The calculator and repricing of these inputs, built once per JVM.
   *
   * @throws InputException when a side file cannot be used (missing column, price list conflict under repricing)
   */
  Evaluator evaluator() {
    Evaluator e = BUILT.get(id);
    if (e == null) {
      synchronized (BUILT) {
        e = BUILT.get(id);
        if (e == null) {
          e = build();
          BUILT.put(id, e);
        }
      }
    }
    return e;
  }

  /** Loads the side files with pec-core's readers, as {@code pec credit} does, from a private copy on disk. */
  private Evaluator build() {
    Path dir;
    try {
      dir = Files.createTempDirectory("pec-spark-inputs");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<InputProblem> problems = new ArrayList<>();
      PecCalculator.Builder b = PecCalculator.builder().coverage(coverage);
      b.addAllGrants(report(SideFiles.grants(grants.writeTo(dir, "grants")), problems).value());
      Repricing repricing = null;
      if (prices != null) {
        Path pricesPath = prices.writeTo(dir, "prices");
        List<SideFiles.PriceRow> rows = report(SideFiles.priceListRows(pricesPath, reprice), problems).value();
        List<PriceListEntry> entries = new ArrayList<>(rows.size());
        Map<PriceListEntry, String> names = new IdentityHashMap<>();
        for (SideFiles.PriceRow r : rows) {
          entries.add(r.entry());
          names.put(r.entry(), r.toString());
        }
        PriceList priceList = PriceList.of(entries);
        b.priceList(priceList);
        if (reprice) {
          try {
            repricing = Repricing.of(priceList, e -> names.getOrDefault(e, Repricing.describe(e)));
          } catch (PriceListConflictException e) {
            throw new InputException(prices.name + ": " + e.getMessage(), e);
          }
        }
      }
      if (partners != null) {
        b.partners(report(SideFiles.partners(partners.writeTo(dir, "partners")), problems).value());
      }
      if (rates != null) {
        b.rates(report(SideFiles.rates(rates.writeTo(dir, "rates")), problems).value());
      }
      if (hierarchy != null) {
        b.hierarchy(report(SideFiles.hierarchy(hierarchy.writeTo(dir, "hierarchy")), problems).value());
      }
      return new Evaluator(b.build(), repricing, List.copyOf(problems));
    } finally {
      deleteQuietly(dir);
    }
  }

  private static <T> Loaded<T> report(Loaded<T> loaded, List<InputProblem> problems) {
    problems.addAll(loaded.problems());
    return loaded;
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder left behind is harmless
    }
  }

  /** What the executors evaluate with: the calculator, the repricing (or null), the side files' bad rows. */
  static final class Evaluator {
    final PecCalculator calculator;
    final Repricing repricing;
    final List<InputProblem> problems;

    Evaluator(PecCalculator calculator, Repricing repricing, List<InputProblem> problems) {
      this.calculator = calculator;
      this.repricing = repricing;
      this.problems = problems;
    }
  }

  /** One side file: its name (as messages show it) and its bytes. */
  private static final class SideFile implements Serializable {
    private static final long serialVersionUID = 1L;
    final String name;
    final byte[] bytes;

    SideFile(Path path) {
      Path fileName = path.getFileName();
      this.name = fileName == null ? path.toString() : fileName.toString();
      try {
        this.bytes = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new InputException(path + ": cannot read: " + e.getMessage(), e);
      }
    }

    /** Writes the bytes under {@code dir/role/name}, so that problems name the file as the user gave it. */
    Path writeTo(Path dir, String role) {
      try {
        Path folder = Files.createDirectories(dir.resolve(role));
        return Files.write(folder.resolve(name), bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Builds {@link PecInputs}; reads each file when it is given. Not thread-safe. */
  public static final class Builder {
    private SideFile grants;
    private SideFile prices;
    private SideFile partners;
    private SideFile rates;
    private SideFile hierarchy;
    private boolean reprice;
    private CoveragePolicy coverage = CoveragePolicy.UNION;

    private Builder() {}

    /** The grants file (required), as {@code pec credit --grants}. */
    public Builder grants(Path path) {
      grants = new SideFile(path);
      return this;
    }

    /** The consumption price list, as {@code --prices}. */
    public Builder prices(Path path) {
      prices = new SideFile(path);
      return this;
    }

    /** Partner organisations and agreements, as {@code --partners}. */
    public Builder partners(Path path) {
      partners = new SideFile(path);
      return this;
    }

    /** The rate schedule, as {@code --rates}. */
    public Builder rates(Path path) {
      rates = new SideFile(path);
      return this;
    }

    /** The management-group hierarchy, as {@code --hierarchy}. */
    public Builder hierarchy(Path path) {
      hierarchy = new SideFile(path);
      return this;
    }

    /** Take list costs, with graduated tiers, from the price list, as {@code --reprice}. */
    public Builder reprice(boolean reprice) {
      this.reprice = reprice;
      return this;
    }

    /** How grants must cover the day, as {@code --coverage}; union by default. */
    public Builder coverage(CoveragePolicy coverage) {
      this.coverage = Objects.requireNonNull(coverage, "coverage");
      return this;
    }

    /**
     * The inputs.
     *
     * @throws NullPointerException when no grants file was given
     * @throws IllegalArgumentException when repricing is asked for without a price list
     */
    public PecInputs build() {
      return new PecInputs(this);
    }
  }
}
