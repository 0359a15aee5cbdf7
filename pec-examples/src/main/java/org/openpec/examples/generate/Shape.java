package org.openpec.examples.generate;

/** The shape of a generated month: how customers, resources and usage lines are laid out. */
public enum Shape {
  /**
   * A partner's month as it looks in practice: about one customer per 4 500 lines, 1–4 Azure subscriptions each,
   * 2–6 resource groups of 5–18 resources, 1–3 meters per resource and day, resources created and deleted
   * mid-month, a price list of about 2 300 meters, about 1.4 grants per 1 000 lines (see {@link MonthGenerator}).
   */
  REALISTIC,
  /**
   * Few customers with many usage lines per resource and day: 50 customers, 40 lines per customer and day by
   * default, a small price list (the shape of the first benchmarks, kept byte for byte).
   */
  DENSE
}
