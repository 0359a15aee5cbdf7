package org.openpec.api;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of pec-core point one way: time and money, then the model, then the rules (and repricing),
 * then the calculator and its statement, then losses and reconciliation, then the readers and writers (and the
 * import of Azure access history, which they serve). A lower layer never uses a higher one. The internal packages
 * sit in the layer of what they serve: text helpers with the values, loss and reconciliation analyses above the
 * calculator, the {@code pec} command's table writers with the files.
 */
class LayeringTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.openpec");

  @Test
  void packagesDependOnlyOnLowerLayers() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Values").definedBy("org.openpec.time..", "org.openpec.money..", "org.openpec.internal.text..")
        .layer("Model").definedBy("org.openpec.model..", "org.openpec.value..")
        .layer("Rules").definedBy("org.openpec.rules..", "org.openpec.pricing..")
        .layer("Calculator").definedBy("org.openpec")
        .layer("Analyses").definedBy("org.openpec.internal.losses..", "org.openpec.internal.reconcile..")
        .layer("Files").definedBy("org.openpec.io..", "org.openpec.access..", "org.openpec.internal.io..")
        .whereLayer("Files").mayNotBeAccessedByAnyLayer()
        .whereLayer("Analyses").mayOnlyBeAccessedByLayers("Files")
        .whereLayer("Calculator").mayOnlyBeAccessedByLayers("Analyses", "Files")
        .whereLayer("Rules").mayOnlyBeAccessedByLayers("Calculator", "Analyses", "Files")
        .whereLayer("Model").mayOnlyBeAccessedByLayers("Rules", "Calculator", "Analyses", "Files")
        .whereLayer("Values").mayOnlyBeAccessedByLayers("Model", "Rules", "Calculator", "Analyses", "Files")
        .check(MAIN);
  }
}
