package org.openpec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openpec.PecCalculator;

/**
 * Pins openpec's exported API: the packages module-info exports and every public type in them. A type added to
 * (or removed from) the API fails this test until the list below and {@code docs/api.md} say so: growth is a
 * deliberate change. Also checks that the exported API never shows an internal type in a public signature.
 */
class ExportedApiTest {

  private static final Set<String> EXPORTED_PACKAGES = Set.of("org.openpec", "org.openpec.model",
      "org.openpec.money", "org.openpec.time", "org.openpec.rules", "org.openpec.io", "org.openpec.pricing",
      "org.openpec.access");

  /** Every public type of the exported packages, nested ones with a dot. */
  private static final List<String> EXPORTED_TYPES = List.of(
      // the calculator and its results
      "org.openpec.CreditStatement",
      "org.openpec.LineResult",
      "org.openpec.PecCalculator",
      "org.openpec.PecCalculator.Builder",
      // the values a service builds and reads
      "org.openpec.model.AccessGrant",
      "org.openpec.model.AccessGrant.Builder",
      "org.openpec.model.Assignment",
      "org.openpec.model.ManagementHierarchy",
      "org.openpec.model.PartnerDirectory",
      "org.openpec.model.PartnerDirectory.Membership",
      "org.openpec.model.PriceList",
      "org.openpec.model.PriceListEntry",
      "org.openpec.model.PriceListEntry.Builder",
      "org.openpec.model.Role",
      "org.openpec.model.RoleCatalog",
      "org.openpec.model.Scope",
      "org.openpec.model.UsageLine",
      "org.openpec.model.UsageLine.Builder",
      "org.openpec.money.Currencies",
      "org.openpec.money.CurrencyMismatchException",
      "org.openpec.money.InvalidAmountException",
      "org.openpec.money.LineAmounts",
      "org.openpec.money.PecRate",
      "org.openpec.money.RoundingPolicy",
      "org.openpec.money.Totals",
      "org.openpec.time.Interval",
      "org.openpec.time.Timeline",
      // the rules
      "org.openpec.rules.AccessEvidence",
      "org.openpec.rules.CoveragePolicy",
      "org.openpec.rules.Decision",
      "org.openpec.rules.EligibilityRule",
      "org.openpec.rules.FunnelStep",
      "org.openpec.rules.LineFacts",
      "org.openpec.rules.Reason",
      "org.openpec.rules.Rules",
      "org.openpec.rules.Verdict",
      // the readers
      "org.openpec.io.CsvDialect",
      "org.openpec.io.InputException",
      "org.openpec.io.InputProblem",
      "org.openpec.io.Loaded",
      "org.openpec.io.SideFiles",
      "org.openpec.io.SideFiles.PriceRow",
      "org.openpec.io.UsageOutcome",
      "org.openpec.io.UsageReader",
      "org.openpec.io.UsageRecord",
      "org.openpec.io.UsageRun",
      "org.openpec.io.UsageSource",
      // secondary: repricing from the price list
      "org.openpec.pricing.NumberedLine",
      "org.openpec.pricing.PriceListConflictException",
      "org.openpec.pricing.PriceListConflictException.Kind",
      "org.openpec.pricing.PriceSchedule",
      "org.openpec.pricing.PriceSchedule.Tier",
      "org.openpec.pricing.Repricing",
      "org.openpec.pricing.Repricing.Plan",
      "org.openpec.pricing.Repricing.Planner",
      // secondary: grants from Azure's role-assignment history
      "org.openpec.access.AccessFiles",
      "org.openpec.access.AccessImport",
      "org.openpec.access.AccessImport.Builder",
      "org.openpec.access.ActivityLog",
      "org.openpec.access.ImportProblem",
      "org.openpec.access.ImportResult",
      "org.openpec.access.ImportSummary",
      "org.openpec.access.ImportSummary.UnmappedPrincipal",
      "org.openpec.access.ListedAssignment",
      "org.openpec.access.PrincipalDirectory",
      "org.openpec.access.PrincipalMapping",
      "org.openpec.access.RoleAssignmentEvent",
      "org.openpec.access.RoleAssignmentEvent.Operation",
      "org.openpec.access.RoleAssignmentSnapshot",
      "org.openpec.access.SourcePosition",
      "org.openpec.access.UncertainWindow");

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.openpec");

  private static ModuleDescriptor descriptor() throws Exception {
    Path classes = Path.of(PecCalculator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  private static boolean visible(JavaClass c) {
    if (!c.getModifiers().contains(JavaModifier.PUBLIC) || c.isAnonymousClass() || c.isLocalClass()) {
      return false;
    }
    return c.getEnclosingClass().map(ExportedApiTest::visible).orElse(true);
  }

  private static List<Class<?>> exportedTypes() {
    return MAIN.stream().filter(c -> EXPORTED_PACKAGES.contains(c.getPackageName())).filter(ExportedApiTest::visible)
        .map(JavaClass::reflect).collect(Collectors.toList());
  }

  @Test
  void moduleExportsExactlyTheApiPackages() throws Exception {
    ModuleDescriptor module = descriptor();
    assertThat(module.name()).isEqualTo("org.openpec");
    assertThat(module.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
    assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source))
        .containsExactlyInAnyOrderElementsOf(EXPORTED_PACKAGES);
    assertThat(MAIN.stream().map(JavaClass::getPackageName)).as("pec-core's packages out of sight")
        .contains("org.openpec.internal.io", "org.openpec.internal.losses", "org.openpec.internal.reconcile",
            "org.openpec.internal.text", "org.openpec.value");
  }

  @Test
  void theExportedTypesAreExactlyThePinnedList() {
    assertThat(exportedTypes().stream().map(Class::getCanonicalName))
        .containsExactlyInAnyOrderElementsOf(EXPORTED_TYPES);
  }

  @Test
  void noPublicSignatureOfTheApiShowsATypeOutsideIt() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : exportedTypes()) {
      List<Type> shown = new ArrayList<>();
      // A value's Builder extends its generated, package-private ImmutableX.Builder: the methods it inherits are
      // checked as the builder's own below, the class itself is no part of the API.
      Class<?> parent = type.getSuperclass();
      if (parent != null && (parent.getPackage() != type.getPackage() || visible(MAIN.get(parent)))) {
        shown.add(type.getGenericSuperclass());
      }
      for (Class<?> i : type.getInterfaces()) {
        if (Modifier.isPublic(i.getModifiers())) {
          shown.add(i);
        }
      }
      for (Method m : type.getMethods()) {
        if (!m.isSynthetic() && (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))) {
          shown.add(m.getGenericReturnType());
          shown.addAll(List.of(m.getGenericParameterTypes()));
          shown.addAll(List.of(m.getGenericExceptionTypes()));
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers())) {
          shown.addAll(List.of(c.getGenericParameterTypes()));
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers())) {
          shown.add(f.getGenericType());
        }
      }
      Set<Class<?>> seen = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
      shown.forEach(t -> collect(t, seen));
      for (Class<?> c : seen) {
        String pkg = c.getPackageName();
        boolean ok = pkg.startsWith("java.") || EXPORTED_PACKAGES.contains(pkg) && visible(MAIN.get(c));
        if (!ok) {
          leaks.add(type.getName() + " shows " + c.getName());
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static void collect(Type t, Set<Class<?>> into) {
    if (t instanceof Class<?> c) {
      Class<?> base = c;
      while (base.isArray()) {
        base = base.getComponentType();
      }
      if (!base.isPrimitive()) {
        into.add(base);
      }
    } else if (t instanceof ParameterizedType p) {
      collect(p.getRawType(), into);
      for (Type a : p.getActualTypeArguments()) {
        collect(a, into);
      }
    } else if (t instanceof GenericArrayType g) {
      collect(g.getGenericComponentType(), into);
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        collect(b, into);
      }
      for (Type b : w.getLowerBounds()) {
        collect(b, into);
      }
    } else if (t instanceof TypeVariable<?>) {
      // bounds are declared elsewhere
      return;
    }
  }
}
