package org.openpec.io;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpec.internal.io.TextValues;
import org.openpec.internal.text.DecimalText;

/**
 * The fields of one CSV record given as bytes (a record {@link CsvChunks} cut out): where each field lies, and
 * its text on demand, so that only the fields a reader needs become strings. Quoting as {@link CsvChunks}
 * follows it: in a field that starts with a quote, each quote toggles between inside and outside quotes, and
 * the text is the field without its opening quote in which, of the quotes that follow, every second one (the
 * second of {@code ""}) is kept; a quote still open at the end of the file is closed by a last quote. Text is UTF-8; {@link #invalidUtf8Field} finds a field holding a
 * byte sequence that is not UTF-8. Reusable for one record after another; not thread-safe.
 */
final class CsvFields {

  private byte[] data;
  private int count;
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private boolean[] quoted = new boolean[64];
  private boolean unclosed;
  private boolean nonAscii;
  private byte[] scratch = new byte[256];

  /** Splits {@code data[start, end)} into fields; returns this. */
  CsvFields parse(byte[] bytes, int start, int end) {
    this.data = bytes;
    int n = 0;
    int i = start;
    int hi = 0;
    unclosed = false;
    byte delim = delimiter;
    while (true) {
      if (n == starts.length) {
        grow();
      }
      starts[n] = i;
      if (i < end && bytes[i] == '"') {
        quoted[n] = true;
        i++;
        boolean inQuotes = true;
        while (i < end) {
          byte c = bytes[i];
          hi |= c;
          if (c == '"') {
            inQuotes = !inQuotes;
          } else if (c == delim && !inQuotes) {
            break;
          }
          i++;
        }
        unclosed = inQuotes;
      } else {
        quoted[n] = false;
        while (i < end) {
          byte c = bytes[i];
          if (c == delim) {
            break;
          }
          hi |= c;
          i++;
        }
      }
      ends[n] = i;
      n++;
      if (i >= end) {
        break;
      }
      i++; // the comma
      if (i == end) {
        if (n == starts.length) {
          grow();
        }
        starts[n] = end;
        ends[n] = end;
        quoted[n] = false;
        n++;
        break;
      }
    }
    count = n;
    nonAscii = hi < 0;
    return this;
  }

  private void grow() {
    int n = starts.length * 2;
    starts = Arrays.copyOf(starts, n);
    ends = Arrays.copyOf(ends, n);
    quoted = Arrays.copyOf(quoted, n);
  }

  /** The number of fields. */
  int count() {
    return count;
  }

  /** The text of field {@code i}, or empty text when the record has fewer fields. */
  String text(int i) {
    if (i < 0 || i >= count) {
      return "";
    }
    int s = starts[i];
    int e = ends[i];
    if (!quoted[i]) {
      return decode(data, s, e - s);
    }
    if (unclosed && i == count - 1 && e - s > 1 && data[e - 1] == '"') {
      e--; // a quote open at the end of the file: a last quote closes it
    }
    int n = 0;
    if (scratch.length < e - s) {
      scratch = new byte[e - s];
    }
    boolean keep = false;
    for (int k = s + 1; k < e; k++) {
      byte c = data[k];
      if (c == '"') {
        if (!keep) {
          keep = true;
          continue;
        }
        keep = false;
      }
      scratch[n++] = c;
    }
    return decode(scratch, 0, n);
  }

  /** Every field's text, in order. */
  List<String> all() {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(text(i));
    }
    return out;
  }

  /** The longest text remembered, in characters. */
  private static final int MAX_REMEMBERED = 512;
  private final boolean remember;
  private final byte delimiter;

  /** Comma-separated fields whose parsed values are not remembered (for a record read once). */
  CsvFields() {
    this(false, ',');
  }

  /** Fields separated by {@code delimiter} (ASCII) whose parsed values are not remembered. */
  CsvFields(char delimiter) {
    this(false, delimiter);
  }

  private CsvFields(boolean remember, char delimiter) {
    this.remember = remember;
    this.delimiter = (byte) delimiter;
  }

  /**
   * Fields that remember the values of repeated day and number texts between the records they parse, one after
   * another.
   */
  static CsvFields remembering(char delimiter) {
    return new CsvFields(true, delimiter);
  }

  private final Map<String, Optional<BigDecimal>> numbers = new HashMap<>();
  private final Map<String, LocalDate> days = new HashMap<>();
  private final BytesMemo plainTexts = new BytesMemo();
  private final BytesMemo plainNumbers = new BytesMemo();
  private final BytesMemo plainDays = new BytesMemo();

  /**
   * The text of field {@code i} without surrounding characters up to U+0020 ({@code text(i).trim()}), when the
   * field is plain: unquoted, ASCII, and not empty once trimmed; else null (read it with {@link #text}). A
   * remembering instance hands out one string per distinct text seen lately, so that identifiers repeated from
   * record to record are neither copied again nor hashed again.
   */
  String plainTrimmed(int i) {
    int s = plainStart(i, true);
    if (s < 0) {
      return null;
    }
    int e = plainEnd;
    int h = plainHash;
    BytesMemo memo = plainTexts;
    Object known = memo.get(data, s, e, h);
    if (known != null) {
      return (String) known;
    }
    String t = new String(data, s, e - s, StandardCharsets.ISO_8859_1);
    memo.put(data, s, e, h, t);
    return t;
  }

  /** The value remembered for plain field {@code i}'s bytes (as written) as a number ({@link #rememberNumber}), or null. */
  BigDecimal rememberedNumber(int i) {
    int s = plainStart(i, false);
    return s < 0 ? null : (BigDecimal) plainNumbers.get(data, s, plainEnd, plainHash);
  }

  /** Remembers the number plain field {@code i} reads as (under the reader's dialect). */
  void rememberNumber(int i, BigDecimal value) {
    int s = plainStart(i, false);
    if (s >= 0) {
      plainNumbers.put(data, s, plainEnd, plainHash, value);
    }
  }

  /** The day remembered for plain field {@code i}'s bytes ({@link #rememberDay}), or null. */
  LocalDate rememberedDay(int i) {
    int s = plainStart(i, false);
    return s < 0 ? null : (LocalDate) plainDays.get(data, s, plainEnd, plainHash);
  }

  /** Remembers the day plain field {@code i} reads as. */
  void rememberDay(int i, LocalDate value) {
    int s = plainStart(i, false);
    if (s >= 0) {
      plainDays.put(data, s, plainEnd, plainHash, value);
    }
  }

  private int plainEnd;
  private int plainHash;

  /**
   * Where the bytes of plain field {@code i} start (trimmed or as written; setting {@link #plainEnd} and
   * {@link #plainHash}), or -1 when the field is not plain or this instance does not remember.
   */
  private int plainStart(int i, boolean trim) {
    if (!remember || i < 0 || i >= count || quoted[i]) {
      return -1;
    }
    byte[] d = data;
    int s = starts[i];
    int e = ends[i];
    while (trim && s < e && d[s] >= 0 && d[s] <= ' ') {
      s++;
    }
    while (trim && e > s && d[e - 1] >= 0 && d[e - 1] <= ' ') {
      e--;
    }
    if (e == s || e - s > BytesMemo.LONGEST) {
      return -1;
    }
    int h = 1;
    for (int k = s; k < e; k++) {
      byte b = d[k];
      if (b < 0) {
        return -1; // not ASCII: the text is decoded and checked as UTF-8
      }
      h = 31 * h + b;
    }
    plainEnd = e;
    plainHash = h;
    return s;
  }

  /** A direct-mapped memory of values by the bytes they were read from; a newer text takes an older one's slot. */
  private static final class BytesMemo {
    static final int LONGEST = 512;
    private static final int SLOTS = 1 << 12;
    private final byte[][] keys = new byte[SLOTS][];
    private final Object[] values = new Object[SLOTS];

    Object get(byte[] d, int s, int e, int hash) {
      int slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
      byte[] k = keys[slot];
      return k != null && Arrays.equals(k, 0, k.length, d, s, e) ? values[slot] : null;
    }

    void put(byte[] d, int s, int e, int hash, Object value) {
      int slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
      keys[slot] = Arrays.copyOfRange(d, s, e);
      values[slot] = value;
    }
  }

  /** {@link DecimalText#parse} of {@code text}, remembered for texts seen before (prices and rates repeat). */
  Optional<BigDecimal> number(String text) {
    if (!remember) {
      return DecimalText.parse(text);
    }
    Optional<BigDecimal> v = numbers.get(text);
    if (v == null) {
      v = DecimalText.parse(text);
      remember(numbers, text, v);
    }
    return v;
  }

  /**
   * {@link TextValues#parseDay} of {@code text}, remembered for texts seen before (a month has a few days).
   *
   * @throws IllegalArgumentException when the text is not a day
   */
  LocalDate day(String text) {
    if (!remember) {
      return TextValues.parseDay(text);
    }
    LocalDate v = days.get(text);
    if (v == null) {
      v = TextValues.parseDay(text);
      remember(days, text, v);
    }
    return v;
  }

  /** Remembers at most 4,096 texts: then forgets them all. */
  private static <T> void remember(Map<String, T> known, String text, T value) {
    if (text.length() <= MAX_REMEMBERED) {
      if (known.size() >= 4096) {
        known.clear();
      }
      known.put(text, value);
    }
  }

  private String decode(byte[] b, int off, int len) {
    if (!nonAscii) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    return new String(b, off, len, StandardCharsets.UTF_8);
  }

  /**
   * The 0-based index of the first field holding bytes that are not UTF-8 (an invalid, overlong or truncated
   * sequence, a surrogate, or a code point beyond U+10FFFF), or -1 when the record is valid UTF-8.
   */
  int invalidUtf8Field() {
    if (!nonAscii) {
      return -1;
    }
    for (int f = 0; f < count; f++) {
      if (invalidUtf8At(data, starts[f], ends[f]) >= 0) {
        return f;
      }
    }
    return -1;
  }

  /** The offset of the first byte of {@code b[from, to)} that does not begin a valid UTF-8 sequence, or -1. */
  static int invalidUtf8At(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min;
      int max = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = c == 0xE0 ? 0xA0 : 0x80;
        max = c == 0xED ? 0x9F : 0xBF;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = c == 0xF0 ? 0x90 : 0x80;
        max = c == 0xF4 ? 0x8F : 0xBF;
      } else {
        return i;
      }
      if (i + need >= to) {
        return i;
      }
      int second = b[i + 1] & 0xFF;
      if (second < min || second > max) {
        return i;
      }
      for (int k = 2; k <= need; k++) {
        int cont = b[i + k] & 0xFF;
        if (cont < 0x80 || cont > 0xBF) {
          return i;
        }
      }
      i += need + 1;
    }
    return -1;
  }
}
