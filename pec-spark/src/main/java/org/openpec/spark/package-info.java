/**
 * openpec on Apache Spark: {@code pec credit}'s rows and pec-core's statement computed by Spark executors with
 * pec-core's own reader, calculator and repricing, so that the rules and the exact money are those of one machine.
 *
 * <p>{@link org.openpec.spark.PecSpark} is the API a notebook calls; {@link org.openpec.spark.CreditJob} is the job
 * for {@code spark-submit}; {@link org.openpec.spark.PecInputs} carries the side files (or Azure's role-assignment
 * records) and the usage CSV's dialect to the executors; {@link org.openpec.spark.StatementAggregator} folds the
 * statement of a run that is not persisted, and a persisted run takes rows and statement from one evaluation
 * ({@link org.openpec.spark.Evaluated}). Spark itself is a {@code provided} dependency: the cluster supplies it.
 */
package org.openpec.spark;
