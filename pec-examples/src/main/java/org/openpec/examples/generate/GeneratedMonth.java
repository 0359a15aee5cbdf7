package org.openpec.examples.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What {@link MonthGenerator#writeTo(Path)} wrote: the four files and what they hold.
 *
 * <p>Record numbers count usage records from 1 for the first record after the header, as the {@code credit}
 * output's {@code Line} does. Immutable.
 *
 * @param directory the output directory
 * @param usageFile the daily rated usage file ({@code usage.csv}, 55 columns)
 * @param grantsFile the grants file ({@code grants.csv})
 * @param pricesFile the consumption price list ({@code prices.csv})
 * @param partnersFile the partners file ({@code partners.csv})
 * @param usageRecords the usage records written, malformed ones included
 * @param malformedRecordNumbers the record numbers of the deliberately malformed usage records, ascending
 * @param correctionRecords the usage records with a negative quantity (corrections)
 * @param grantRows the grant rows written (header excluded)
 * @param priceRows the price-list rows written (header excluded)
 * @param customers the number of customers
 * @param firstDay the first usage day
 * @param days the number of usage days
 * @param seed the seed the month was drawn from
 * @param usageBytes the size of the usage file in bytes
 */
public record GeneratedMonth(Path directory, Path usageFile, Path grantsFile, Path pricesFile, Path partnersFile,
    long usageRecords, List<Long> malformedRecordNumbers, long correctionRecords, int grantRows, int priceRows,
    int customers, LocalDate firstDay, int days, long seed, long usageBytes) {

  /** Validates and freezes the summary. */
  public GeneratedMonth {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(usageFile, "usageFile");
    Objects.requireNonNull(grantsFile, "grantsFile");
    Objects.requireNonNull(pricesFile, "pricesFile");
    Objects.requireNonNull(partnersFile, "partnersFile");
    malformedRecordNumbers = List.copyOf(malformedRecordNumbers);
    Objects.requireNonNull(firstDay, "firstDay");
  }

  /** The number of deliberately malformed usage records (each becomes {@code REJECTED}). */
  public long malformedRecords() {
    return malformedRecordNumbers.size();
  }

  /** The files written: usage, grants, prices, partners. */
  public List<Path> files() {
    return List.of(usageFile, grantsFile, pricesFile, partnersFile);
  }

  /** The last usage day. */
  public LocalDate lastDay() {
    return firstDay.plusDays(days - 1L);
  }
}
