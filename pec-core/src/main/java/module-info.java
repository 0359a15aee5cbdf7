/**
 * openpec: Partner Earned Credit for Azure plan consumption.
 *
 * <p>A service needs the calculator and its results ({@code org.openpec}), the values it reads
 * ({@code org.openpec.model}, {@code org.openpec.money}, {@code org.openpec.time}), the rules
 * ({@code org.openpec.rules}) and the file readers ({@code org.openpec.io}); losses, reconciliation, repricing and
 * the import of Azure role-assignment history are exported for the services that use them. The Immutables style
 * package is not exported, and the annotations are needed only to compile openpec itself.
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
