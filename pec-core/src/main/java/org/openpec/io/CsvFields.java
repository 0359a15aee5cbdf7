package org.openpec.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    long delims = (delim & 0xFFL) * ONES;
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
        // eight bytes at a time up to the word holding the delimiter; the bytes read past it are the record's too
        long words = 0;
        while (i + 8 <= end) {
          long w = (long) WORDS.get(bytes, i);
          words |= w;
          long d = zeroBytes(w ^ delims);
          if (d != 0) {
            i += Long.numberOfTrailingZeros(d) >>> 3;
            break;
          }
          i += 8;
        }
        if (words < 0 || (words & HIGH_BITS) != 0) {
          hi = -1;
        }
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

  private static final long ONES = 0x0101010101010101L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long MIX = 0x9E3779B97F4A7C15L;
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The high bit of each byte of {@code w} that is zero, and no other bit (exact, no borrow between bytes). */
  private static long zeroBytes(long w) {
    return ~(((w & LOW7) + LOW7) | w | LOW7);
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

  private String[] texts = new String[0];

  /**
   * A scratch array of at least {@code n} texts for the record being decoded on this instance's thread (its
   * contents are left over from the record before; the caller writes what it reads).
   */
  String[] scratchTexts(int n) {
    if (texts.length < n) {
      texts = new String[n];
    }
    return texts;
  }

  /** The memories of plain fields' values, one per column (created when first asked for). */
  private BytesMemo[] memos = new BytesMemo[0];

  private BytesMemo memo(int column) {
    if (column >= memos.length) {
      memos = Arrays.copyOf(memos, Math.max(column + 1, 2 * memos.length));
    }
    BytesMemo m = memos[column];
    if (m == null) {
      m = new BytesMemo();
      memos[column] = m;
    }
    return m;
  }

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
    BytesMemo m = memo(i);
    if (!m.worthIt()) {
      return new String(data, s, plainEnd - s, StandardCharsets.ISO_8859_1);
    }
    Object known = m.get(data, s, plainEnd, plainHash);
    if (known != null) {
      return (String) known;
    }
    String t = new String(data, s, plainEnd - s, StandardCharsets.ISO_8859_1);
    m.put(data, s, plainEnd, plainHash, t);
    return t;
  }

  /**
   * The value remembered for plain field {@code i}'s bytes (as written) as a number or a day
   * ({@link #remember(int, Object)}), or null.
   */
  Object remembered(int i) {
    if (i >= 0 && i < memos.length && memos[i] != null && !memos[i].worthIt()) {
      return null;
    }
    int s = plainStart(i, false);
    return s < 0 ? null : memo(i).get(data, s, plainEnd, plainHash);
  }

  /** Remembers the number or day plain field {@code i} reads as (under the reader's dialect). */
  void remember(int i, Object value) {
    BytesMemo m = memo(i);
    if (m.worthIt()) {
      int s = plainStart(i, false);
      if (s >= 0) {
        m.put(data, s, plainEnd, plainHash, value);
      }
    }
  }

  /** Whether parsed numbers and days of column {@code i} are worth remembering (they repeat). */
  boolean remembers(int i) {
    return remember && (i >= memos.length || memos[i] == null || memos[i].worthIt());
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
    long h = 0;
    long all = 0;
    int k = s;
    for (; k + 8 <= e; k += 8) {
      long w = (long) WORDS.get(d, k);
      all |= w;
      h = (h ^ w) * MIX;
    }
    for (; k < e; k++) {
      all |= d[k];
      h = (h ^ d[k]) * MIX;
    }
    if ((all & HIGH_BITS) != 0) {
      return -1; // not ASCII: the text is decoded and checked as UTF-8
    }
    plainEnd = e;
    plainHash = (int) (h ^ (h >>> 29));
    return s;
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

  /**
   * A direct-mapped memory of one column's values by the bytes they were read from; a newer text takes an older
   * one's slot. A column whose values seldom repeat (e.g. quantities) stops being remembered after its first
   * few thousand look-ups, so that it costs nothing more.
   */
  private static final class BytesMemo {
    static final int LONGEST = 512;
    private static final int SLOTS = 1 << 11;
    private static final int TRIAL = 1 << 13;
    private final byte[][] keys = new byte[SLOTS][];
    private final Object[] values = new Object[SLOTS];
    private int lookups;
    private int hits;
    private boolean off;

    boolean worthIt() {
      return !off;
    }

    Object get(byte[] d, int s, int e, int hash) {
      int slot = (hash ^ (hash >>> 11)) & (SLOTS - 1);
      byte[] k = keys[slot];
      Object v = k != null && sameBytes(k, d, s, e) ? values[slot] : null;
      if (lookups < TRIAL) {
        lookups++;
        if (v != null) {
          hits++;
        }
        if (lookups == TRIAL && hits < TRIAL / 2) {
          off = true;
          Arrays.fill(keys, null);
          Arrays.fill(values, null);
        }
      }
      return v;
    }

    /** Whether {@code k} holds the bytes {@code d[s, e)}: eight at a time (short keys, no call to a stub). */
    private static boolean sameBytes(byte[] k, byte[] d, int s, int e) {
      int n = k.length;
      if (n != e - s) {
        return false;
      }
      int i = 0;
      for (; i + 8 <= n; i += 8) {
        if ((long) WORDS.get(k, i) != (long) WORDS.get(d, s + i)) {
          return false;
        }
      }
      for (; i < n; i++) {
        if (k[i] != d[s + i]) {
          return false;
        }
      }
      return true;
    }

    void put(byte[] d, int s, int e, int hash, Object value) {
      int slot = (hash ^ (hash >>> 11)) & (SLOTS - 1);
      keys[slot] = Arrays.copyOfRange(d, s, e);
      values[slot] = value;
    }
  }
}
