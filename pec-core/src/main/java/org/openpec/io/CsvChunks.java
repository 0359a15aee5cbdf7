package org.openpec.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Cuts a CSV byte stream into chunks of whole records, on one thread, so that the records of each chunk can be
 * parsed on any thread ({@link CsvFields}) while record numbers and physical line numbers stay those of the whole
 * file.
 *
 * <p>The cut is exact for RFC 4180: a byte-level state machine follows the quoting as FastCSV does (a quote opens
 * a quoted field only at the start of a field; within a quoted field each quote toggles between inside and
 * outside quotes, so that {@code ""} inside is a quote; commas and line breaks inside quotes belong to the
 * field), so a record boundary is a line break outside quotes. LF, CR and CRLF each end a
 * line; an empty line is neither a record nor numbered as one, but counts as a physical line. A UTF-8 byte order
 * mark at the start is skipped.
 *
 * <p>Two kinds of records are not handed on as they are, so that one bad byte never swallows the rest of a file:
 * <ul>
 *   <li>a record longer than {@link #MAX_RECORD_BYTES} is not kept: it becomes one {@link #TOO_LONG} entry;</li>
 *   <li>a record whose quoted field spans line breaks is taken as an unbalanced quote when its quote is still
 *   open at the end of the file, or when its field count differs from the header's and a later line of it, read
 *   on its own, has the header's field count (a whole record swallowed): its first line becomes an {@link #UNBALANCED} entry naming where the quote opened
 *   and how many physical lines it took, and each later non-empty line it spans one {@link #SWALLOWED} entry.</li>
 * </ul>
 * Memory is bounded: a chunk holds about {@code target} bytes plus one record. Not thread-safe.
 */
final class CsvChunks implements Closeable {

  /** The longest record kept, in bytes (16 MiB); a longer one is rejected whole. */
  static final int MAX_RECORD_BYTES = 16 << 20;

  /** An ordinary record: its bytes are {@code [start, end)} of the chunk. */
  static final byte RECORD = 0;
  /** A record longer than {@link #MAX_RECORD_BYTES}: no bytes kept. */
  static final byte TOO_LONG = 1;
  /** The first line of a record an unbalanced quote ran away with: its bytes are that first line's. */
  static final byte UNBALANCED = 2;
  /** A later line swallowed by an unbalanced quote: its bytes are the line's. */
  static final byte SWALLOWED = 3;

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int AFTER_QUOTE = 3;

  private final InputStream in;
  private final int target;
  private final byte delimiter;
  private int width = -1;

  private byte[] buf;
  private int len;
  private int scan;
  private int recStart;
  private boolean eof;
  private boolean started;

  private int state = FIELD_START;
  private boolean afterCr;
  private long line = 1;
  private long recLine = 1;
  private int fields = 1;
  private boolean recHasBytes;
  private boolean overflow;
  private long overflowBytes;
  // unbalanced-quote tracking of the current record
  private long quoteLine;
  private int quoteField;
  private boolean multiLine;
  private long[] lineStarts = new long[8];
  private int[] lineOffsets = new int[8];
  private boolean[] lineHasBytes = new boolean[8];
  private int lineCount;

  private Chunk.Builder pending;
  private long nextRecord = 1;

  /** Buffers of chunks whose records are done with, handed back by {@link #reuse} (from any thread). */
  private final java.util.concurrent.ArrayBlockingQueue<byte[]> spares =
      new java.util.concurrent.ArrayBlockingQueue<>(SPARES);

  /** The most spare buffers kept: about as many as chunks in flight. */
  private static final int SPARES = 8;

  CsvChunks(InputStream in, int target) {
    this(in, target, ',');
  }

  /** Chunks of a CSV text whose fields {@code delimiter} (an ASCII character) separates. */
  CsvChunks(InputStream in, int target, char delimiter) {
    if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
      throw new IllegalArgumentException("the delimiter must be an ASCII character other than a quote or a line break");
    }
    this.delimiter = (byte) delimiter;
    this.in = in;
    this.target = target;
    this.buf = new byte[Math.max(16, target + target / 4)];
    this.pending = new Chunk.Builder(nextRecord);
  }

  /**
   * Sets the header's field count, from which an unbalanced quote is recognised (until then, none is), and
   * numbers the records that follow from 1.
   */
  void width(int fieldCount) {
    if (pending.size() > 0) {
      throw new IllegalStateException("width set with records pending");
    }
    this.width = fieldCount;
    nextRecord = 1;
    pending = new Chunk.Builder(1);
  }

  /**
   * The next chunk of whole records (or entries), or null at the end of the file.
   *
   * @param maxEntries stop after this many entries (the header is read as a chunk of one)
   */
  Chunk next(int maxEntries) throws IOException {
    while (true) {
      if (pending.size() >= maxEntries || (pending.size() > 0 && recStart >= target)) {
        return cut();
      }
      if (scan == len) {
        if (eof) {
          if (recHasBytes || overflow) {
            endRecord(len, state == QUOTED);
            continue;
          }
          return pending.size() > 0 ? cut() : null;
        }
        if (len == buf.length && pending.size() > 0) {
          return cut();
        }
        fill();
        continue;
      }
      scanBytes(maxEntries);
    }
  }

  private void fill() throws IOException {
    if (!started) {
      started = true;
      readFully(3);
      if (len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
        recStart = scan = 3;
      }
      return;
    }
    if (overflow) {
      overflowBytes += len - recStart;
      len = scan = recStart;
    }
    if (len == buf.length) {
      if (recStart > 0) {
        System.arraycopy(buf, recStart, buf, 0, len - recStart);
        scan -= recStart;
        len -= recStart;
        shiftLines(recStart);
        recStart = 0;
      } else if (len >= MAX_RECORD_BYTES) {
        overflow = true;
        overflowBytes = len;
        len = scan = recStart;
      } else {
        buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_RECORD_BYTES));
      }
    }
    int n = in.read(buf, len, buf.length - len);
    if (n < 0) {
      eof = true;
    } else {
      len += n;
    }
  }

  private void readFully(int n) throws IOException {
    while (len < n) {
      int r = in.read(buf, len, buf.length - len);
      if (r < 0) {
        eof = true;
        return;
      }
      len += r;
    }
  }

  private void shiftLines(int by) {
    for (int i = 0; i < lineCount; i++) {
      lineOffsets[i] -= by;
    }
  }

  private Chunk cut() {
    Chunk c = pending.build(buf);
    int tail = len - recStart;
    byte[] next = buffer(Math.max(target + target / 4, tail + 1024));
    System.arraycopy(buf, recStart, next, 0, tail);
    scan -= recStart;
    len = tail;
    shiftLines(recStart);
    recStart = 0;
    buf = next;
    nextRecord = c.firstRecord() + c.size();
    pending = new Chunk.Builder(nextRecord);
    return c;
  }

  /** A spare buffer of at least {@code size} bytes, or a new one (a spare holds old bytes: only len counts). */
  private byte[] buffer(int size) {
    byte[] b;
    while ((b = spares.poll()) != null) {
      if (b.length >= size) {
        return b;
      }
    }
    return new byte[size];
  }

  /**
   * Hands back the buffer of a chunk cut by this object, to be filled again for a later chunk. Only when nothing
   * will read the chunk's bytes again: no record of it is decoded or kept after this call. Thread-safe.
   */
  void reuse(Chunk c) {
    spares.offer(c.data());
  }

  private void scanBytes(int maxEntries) {
    byte[] b = buf;
    int i = scan;
    int n = len;
    int st = state;
    byte delim = delimiter;
    long delims = (delim & 0xFFL) * ONES;
    while (i < n) {
      if (i + 8 <= n && !afterCr && !multiLine) {
        // eight bytes at a time while they hold no quote and no line break: the common case
        long run = plainRun(b, i, n, delims);
        int j = (int) run;
        if (j > i) {
          if (st != QUOTED) {
            int count = (int) (run >>> 32);
            fields += count;
            if (b[j - 1] == delim) {
              st = FIELD_START;
            } else if (count > 0 || st == FIELD_START) {
              st = UNQUOTED;
            }
            recHasBytes = true;
          }
          i = j;
          continue;
        }
      }
      byte c = b[i];
      if (afterCr) {
        afterCr = false;
        if (c == '\n') {
          i++;
          if (st == QUOTED) {
            lineOffsets[lineCount - 1] = i;
          } else if (!recHasBytes) {
            recStart = i;
          }
          continue;
        }
      }
      switch (st) {
        case QUOTED:
          if (c == '\n' || c == '\r') {
            lineBreakInQuotes(i);
            afterCr = c == '\r';
          } else {
            if (c == '"') {
              st = AFTER_QUOTE;
            }
            if (multiLine) {
              lineHasBytes[lineCount - 1] = true;
            }
          }
          i++;
          break;
        case AFTER_QUOTE:
          if (c == '"') {
            st = QUOTED;
            recHasBytes = true;
            if (multiLine) {
              lineHasBytes[lineCount - 1] = true;
            }
            i++;
            continue;
          }
          // fall through: outside quotes, c is read as in an unquoted field
        default:
          if (c == '\n' || c == '\r') {
            afterCr = c == '\r';
            if (recHasBytes || overflow) {
              endRecord(i, false);
            }
            line++;
            i++;
            recStart = i;
            recLine = line;
            st = FIELD_START;
            if (pending.size() >= maxEntries || (pending.size() > 0 && recStart >= target)) {
              break;
            }
            continue;
          }
          if (c == delim) {
            fields++;
            st = FIELD_START;
          } else if (st == FIELD_START) {
            if (c == '"') {
              st = QUOTED;
              quoteLine = line;
              quoteField = fields;
            } else {
              st = UNQUOTED;
            }
          }
          recHasBytes = true;
          if (multiLine) {
            lineHasBytes[lineCount - 1] = true;
          }
          i++;
          continue;
      }
      if (st == FIELD_START && i == recStart && (pending.size() >= maxEntries
          || (pending.size() > 0 && recStart >= target))) {
        break;
      }
    }
    scan = i;
    state = st;
  }

  private static final long ONES = 0x0101010101010101L;
  private static final long QUOTES = '"' * ONES;
  private static final long LFS = '\n' * ONES;
  private static final long CRS = '\r' * ONES;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Where the run of bytes from {@code i} that holds no quote and no line break ends (low half), read eight bytes
   * at a time while at least eight remain, and how many delimiters it holds (high half). A small method of its own, so that the JIT compiles its loop
   * tight whatever the state machine around it.
   */
  private static long plainRun(byte[] b, int i, int n, long delims) {
    int j = i;
    int count = 0;
    while (j + 8 <= n) {
      long w = (long) WORDS.get(b, j);
      long special = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ LFS) | zeroBytes(w ^ CRS);
      long d = zeroBytes(w ^ delims);
      if (special != 0) {
        // the plain bytes before the first quote or line break are the run's too
        int k = Long.numberOfTrailingZeros(special) >>> 3;
        if (k > 0) {
          count += Long.bitCount(d & ((1L << (k << 3)) - 1));
          j += k;
        }
        break;
      }
      count += Long.bitCount(d);
      j += 8;
    }
    return ((long) count << 32) | j;
  }

  /** The high bit of each byte of {@code w} that is zero, and no other bit (exact, no borrow between bytes). */
  private static long zeroBytes(long w) {
    return ~(((w & LOW7) + LOW7) | w | LOW7);
  }

  private void lineBreakInQuotes(int i) {
    if (!multiLine) {
      multiLine = true;
      lineCount = 0;
      addLine(line, recStart);
      lineHasBytes[0] = true;
      runawayLine = quoteLine;
      runawayField = quoteField;
    }
    line++;
    addLine(line, i + 1);
  }

  private long runawayLine;
  private int runawayField;

  private void addLine(long number, int offset) {
    if (lineCount == lineStarts.length) {
      lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
      lineOffsets = Arrays.copyOf(lineOffsets, lineCount * 2);
      lineHasBytes = Arrays.copyOf(lineHasBytes, lineCount * 2);
    }
    lineStarts[lineCount] = number;
    lineOffsets[lineCount] = offset;
    lineHasBytes[lineCount] = false;
    lineCount++;
  }

  private void endRecord(int end, boolean openAtEnd) {
    boolean unbalanced = multiLine && width >= 0 && (openAtEnd || fields != width && (overflow
        || swallowsARecord(end)));
    long last = line;
    if (multiLine && !lineHasBytes[lineCount - 1]) {
      last = lineStarts[lineCount - 1] - 1;
    }
    int swallowed = 0;
    for (int k = 1; unbalanced && k < lineCount; k++) {
      if (lineHasBytes[k]) {
        swallowed++;
      }
    }
    String quote = unbalanced ? runawayNote(openAtEnd, last, swallowed) : null;
    if (overflow) {
      long bytes = overflowBytes + (end - recStart);
      pending.add(TOO_LONG, recStart, recStart, recLine, "record is longer than " + MAX_RECORD_BYTES
          + " bytes (" + bytes + " bytes" + (line > recLine ? ", lines " + recLine + "-" + line : "") + ")"
          + (unbalanced ? "; unbalanced quote: " + quote : ""));
      for (int k = 1; unbalanced && k < lineCount; k++) {
        if (lineHasBytes[k]) {
          pending.add(SWALLOWED, recStart, recStart, lineStarts[k], swallowedNote());
        }
      }
    } else if (unbalanced) {
      int firstEnd = lineEnd(lineOffsets[1]);
      pending.add(UNBALANCED, recStart, firstEnd, recLine, "unbalanced quote: " + quote);
      for (int k = 1; k < lineCount; k++) {
        if (lineHasBytes[k]) {
          int e = k + 1 < lineCount ? lineEnd(lineOffsets[k + 1]) : end;
          pending.add(SWALLOWED, lineOffsets[k], e, lineStarts[k], swallowedNote());
        }
      }
    } else {
      pending.add(RECORD, recStart, end, recLine, null);
    }
    overflow = false;
    multiLine = false;
    lineCount = 0;
    fields = 1;
    recHasBytes = false;
  }

  /** What a runaway quote did, as the rejection of its first line tells it. */
  private String runawayNote(boolean openAtEnd, long last, int swallowed) {
    return "the quote opened at line " + runawayLine + " in field " + runawayField
        + (openAtEnd ? " is never closed and" : "") + " runs on for " + (last - runawayLine + 1)
        + " physical lines (to line " + last + ")" + (openAtEnd ? "" : " and leaves " + fields
        + " fields where the header has " + width) + "; this record and the " + swallowed
        + " non-empty line" + (swallowed == 1 ? "" : "s") + " it swallowed are rejected";
  }

  /**
   * Whether a line after the first of the current record, read on its own, has the header's field count: the
   * sign of a quote that ran away with whole records, rather than of a field that holds line breaks.
   */
  private boolean swallowsARecord(int end) {
    CsvFields f = new CsvFields((char) delimiter);
    for (int k = 1; k < lineCount; k++) {
      if (lineHasBytes[k]) {
        int e = k + 1 < lineCount ? lineEnd(lineOffsets[k + 1]) : end;
        if (f.parse(buf, lineOffsets[k], e).count() == width) {
          return true;
        }
      }
    }
    return false;
  }

  private String swallowedNote() {
    return "swallowed by the unbalanced quote opened at line " + runawayLine + " in field " + runawayField;
  }

  /** The end of the line before the line starting at {@code nextLineStart}: before its CR, LF or CRLF. */
  private int lineEnd(int nextLineStart) {
    int e = nextLineStart - 1;
    if (e > 0 && buf[e] == '\n' && buf[e - 1] == '\r') {
      e--;
    }
    return e;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Whole records of a file, numbered from {@link #firstRecord}. Immutable once built. */
  static final class Chunk {
    private final byte[] data;
    private final long firstRecord;
    private final int size;
    private final byte[] kinds;
    private final int[] starts;
    private final int[] ends;
    private final long[] lines;
    private final String[] notes;

    private Chunk(byte[] data, long firstRecord, int size, byte[] kinds, int[] starts, int[] ends, long[] lines,
        String[] notes) {
      this.data = data;
      this.firstRecord = firstRecord;
      this.size = size;
      this.kinds = kinds;
      this.starts = starts;
      this.ends = ends;
      this.lines = lines;
      this.notes = notes;
    }

    byte[] data() {
      return data;
    }

    long firstRecord() {
      return firstRecord;
    }

    int size() {
      return size;
    }

    byte kind(int i) {
      return kinds[i];
    }

    int start(int i) {
      return starts[i];
    }

    int end(int i) {
      return ends[i];
    }

    long line(int i) {
      return lines[i];
    }

    String note(int i) {
      return notes == null ? null : notes[i];
    }

    static final class Builder {
      private final long firstRecord;
      private int size;
      private byte[] kinds = new byte[512];
      private int[] starts = new int[512];
      private int[] ends = new int[512];
      private long[] lines = new long[512];
      private String[] notes;

      Builder(long firstRecord) {
        this.firstRecord = firstRecord;
      }

      int size() {
        return size;
      }

      void add(byte kind, int start, int end, long line, String note) {
        if (size == kinds.length) {
          int n = size * 2;
          kinds = Arrays.copyOf(kinds, n);
          starts = Arrays.copyOf(starts, n);
          ends = Arrays.copyOf(ends, n);
          lines = Arrays.copyOf(lines, n);
          if (notes != null) {
            notes = Arrays.copyOf(notes, n);
          }
        }
        kinds[size] = kind;
        starts[size] = start;
        ends[size] = end;
        lines[size] = line;
        if (note != null) {
          if (notes == null) {
            notes = new String[kinds.length];
          }
          notes[size] = note;
        }
        size++;
      }

      Chunk build(byte[] data) {
        return new Chunk(data, firstRecord, size, kinds, starts, ends, lines, notes);
      }
    }
  }
}
