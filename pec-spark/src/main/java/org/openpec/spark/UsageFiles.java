package org.openpec.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.input.PortableDataStream;
import org.openpec.internal.io.CreditCsv;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRecord;
import org.openpec.io.UsageSource;
import org.openpec.model.UsageLine;
import scala.Tuple2;

/**
 * Reads one usage file inside an executor task with pec-core's {@link UsageReader} — CSV, gzip CSV, JSON Lines or
 * gzip JSON Lines, recognised by content as {@code pec credit} recognises them —, so that records, their numbers
 * and their problems ({@code file:line:column}) are exactly those of {@code pec credit}. A file is never split
 * between tasks: a CSV record may span physical lines inside quotes, and only a reader that starts at the header
 * knows where records begin; the month's parallelism comes from its several files and from the stages after the
 * read, which repartition the records.
 */
final class UsageFiles {

  private UsageFiles() {}

  /** The records of one file, lazily, as {@link UsageRow}s numbered within the file; closes it at the end. */
  static Iterator<UsageRow> read(Tuple2<String, PortableDataStream> file) {
    String path = file._1();
    String name = path.substring(path.lastIndexOf('/') + 1);
    InputStream in = file._2().open();
    UsageReader reader;
    try {
      reader = UsageSource.of(List.of(path)).open(in, name);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
    return new Iterator<>() {
      private boolean open = true;

      @Override
      public boolean hasNext() {
        if (!open) {
          return false;
        }
        if (reader.hasNext()) {
          return true;
        }
        open = false;
        reader.close();
        closeQuietly(in);
        return false;
      }

      @Override
      public UsageRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return toRow(path, reader.next());
      }
    };
  }

  /** The row of one record: a readable line's values as exact text, or a rejected record's output cells. */
  static UsageRow toRow(String path, UsageRecord rec) {
    UsageRow r = new UsageRow();
    r.setFile(path);
    r.setRecord(rec.recordNumber());
    r.setLine(rec.recordNumber());
    if (rec.isRejected()) {
      r.setRejected(CreditCsv.cells(rec));
      return r;
    }
    UsageLine l = rec.line().orElseThrow();
    r.setTierKey(tierKey(l));
    r.setCustomerId(l.customerId());
    r.setBilledPartnerId(l.billedPartnerId());
    r.setResellerPartnerId(l.resellerPartnerId());
    r.setSubscriptionId(l.subscriptionId());
    r.setEntitlementId(l.entitlementId());
    r.setUsageDate(l.usageDate().toString());
    r.setProductId(l.productId());
    r.setSkuId(l.skuId());
    r.setMeterId(l.meterId());
    r.setResourceUri(l.resourceUri());
    r.setQuantity(l.quantity().toString());
    r.setUnitPrice(l.unitPrice().toString());
    r.setPricingCurrency(l.pricingCurrency());
    r.setBillingCurrency(l.billingCurrency());
    r.setExchangeRate(l.pcToBcExchangeRate().toString());
    r.setPublisherName(l.publisherName());
    r.setMeterName(l.meterName());
    r.setMeterSubCategory(l.meterSubCategory());
    r.setSkuName(l.skuName());
    r.setBenefitId(l.benefitId());
    r.setBenefitType(l.benefitType());
    r.setChargeType(l.chargeType());
    return r;
  }

  /**
   * The (Azure plan, meter, month) a line's tiers accumulate over, with the ids keyed as pec-core's repricing keys
   * them (trimmed, lower case in the root locale), so that lines pec-core would add up meet in one group.
   */
  static String tierKey(UsageLine l) {
    return l.subscriptionId().trim().toLowerCase(Locale.ROOT) + '\u0000' + l.meterId().trim().toLowerCase(Locale.ROOT)
        + '\u0000' + YearMonth.from(l.usageDate());
  }

  /** The usage line of a readable row, equal to the one pec-core's reader made (BigDecimal text round-trips). */
  static UsageLine toLine(UsageRow r) {
    return UsageLine.builder()
        .customerId(r.getCustomerId())
        .billedPartnerId(r.getBilledPartnerId())
        .resellerPartnerId(r.getResellerPartnerId())
        .subscriptionId(r.getSubscriptionId())
        .entitlementId(r.getEntitlementId())
        .usageDate(java.time.LocalDate.parse(r.getUsageDate()))
        .productId(r.getProductId())
        .skuId(r.getSkuId())
        .meterId(r.getMeterId())
        .resourceUri(r.getResourceUri())
        .quantity(new java.math.BigDecimal(r.getQuantity()))
        .unitPrice(new java.math.BigDecimal(r.getUnitPrice()))
        .pricingCurrency(r.getPricingCurrency())
        .billingCurrency(r.getBillingCurrency())
        .pcToBcExchangeRate(new java.math.BigDecimal(r.getExchangeRate()))
        .publisherName(r.getPublisherName())
        .meterName(r.getMeterName())
        .meterSubCategory(r.getMeterSubCategory())
        .skuName(r.getSkuName())
        .benefitId(r.getBenefitId())
        .benefitType(r.getBenefitType())
        .chargeType(r.getChargeType())
        .build();
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
