/**
 * openpec: Partner Earned Credit for Azure plan consumption.
 *
 * <p>A service needs the calculator and its results ({@code org.openpec}), the values it builds and reads
 * ({@code org.openpec.model}, {@code org.openpec.money}, {@code org.openpec.time}), the rules
 * ({@code org.openpec.rules}) and the file readers ({@code org.openpec.io}). Two secondary packages are exported
 * for the services that use them: repricing from the price list ({@code org.openpec.pricing}) and the import of
 * Azure role-assignment history as grants ({@code org.openpec.access}). The repository's {@code docs/api.md} says
 * why each type is there.
 *
 * <p>Everything else is out of sight: the {@code org.openpec.internal.*} packages (the {@code pec} command's
 * table writers, the loss and reconciliation analyses, text helpers) and the Immutables style package
 * ({@code org.openpec.value}) are not exported. Their public types may change in any release; the {@code pec}
 * command and pec-spark use them because they run on the class path, where module boundaries do not apply. The
 * Immutables annotations are needed only to compile openpec itself.
 */
module org.openpec {
  requires static org.immutables.value.annotations;
  requires de.siegmar.fastcsv;
  requires com.fasterxml.jackson.core;

  exports org.openpec;
  exports org.openpec.model;
  exports org.openpec.money;
  exports org.openpec.time;
  exports org.openpec.rules;
  exports org.openpec.io;
  exports org.openpec.pricing;
  exports org.openpec.access;
}
