package org.openpec.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpec.internal.losses.LossEpisode;
import org.openpec.internal.losses.LossReport;
import org.openpec.model.Scope;
import org.openpec.rules.Reason;

class LossesCsvTest {

  private static LossEpisode episode(String customer, String creditLost, String event) {
    return new LossEpisode(customer, "S", Scope.parse("/subscriptions/S/resourceGroups/RG"), Reason.NO_ACCESS,
        LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-13"), 4, new BigDecimal("1E+1"),
        new BigDecimal(creditLost), "USD", "EUR", new BigDecimal("1.27"), event);
  }

  @Test
  void writesTheEpisodesInTheReportsOrderWithExactPlainNumbers() {
    LossReport report = LossReport.of(List.of(episode("A", "0.5", "small"),
        episode("=B", "1.5E-1", "grant G1 (Owner, AOBO, /subscriptions/S) revoked 2026-03-10T14:30:00Z"),
        episode("C", "2", "big")));
    StringWriter text = new StringWriter();
    try (LossesCsv out = LossesCsv.to(text)) {
      out.write(report);
    }
    List<CsvRecord> rows = new ArrayList<>();
    CsvReader.builder().ofCsvRecord(text.toString()).forEach(rows::add);
    assertThat(rows.get(0).getFields()).isEqualTo(LossesCsv.HEADER);
    assertThat(rows.subList(1, 4)).extracting(r -> r.getField(0)).containsExactly("C", "A", "'=B");
    CsvRecord last = rows.get(3);
    assertThat(last.getFields()).containsExactly("'=B", "S", "/subscriptions/S/resourceGroups/RG", "NO_ACCESS",
        "2026-03-11", "2026-03-13", "3", "4", "10", "0.15", "EUR", "1.27",
        "grant G1 (Owner, AOBO, /subscriptions/S) revoked 2026-03-10T14:30:00Z");
  }
}
