package org.openpec.access;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The JSON layer of the importers, on jackson-core's streaming parser only: small trees of {@code Map}, {@code
 * List}, {@code String}, {@code java.math.BigDecimal}, {@code Boolean} and {@code null} per event, and a reader
 * of the three shapes Azure writes exports in.
 *
 * <ul>
 *   <li>a JSON array of events ({@code az monitor activity-log list}, {@code az role assignment list});
 *   <li>JSON Lines, one event per line (diagnostic-settings archives since 1 November 2018);
 *   <li>one or more objects {@code {"records": [...]}} (the archive format before that date, pretty-printed or
 *       not); an object without {@code records} is one event.
 * </ul>
 *
 * A syntax error in JSON Lines costs its line only; in the other shapes it stops the file, since nothing after it
 * can be located reliably. Either way it is reported with its line and column.
 */
final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** One element of an export with where it starts; {@code value} is whatever JSON value it is. */
  record Element(Object value, SourcePosition position) {}

  /**
   * How a reading ended: whether the whole file was read, and how many elements were met, malformed ones
   * included.
   */
  record Outcome(boolean isComplete, long elements) {}

  /**
   * Reads every element of an export, in file order, into {@code sink}; syntax errors go to {@code problems}.
   *
   * @return whether the whole file was read (false when a syntax error stopped it) and the number of elements
   * @throws IOException when the reader itself fails (not for malformed JSON)
   */
  static Outcome readElements(String file, Reader reader, Consumer<Element> sink, List<ImportProblem> problems)
      throws IOException {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    StringBuilder lead = new StringBuilder();
    int c = in.read();
    if (c == '\uFEFF') {
      c = in.read();
    }
    while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      lead.append((char) c);
      c = in.read();
    }
    if (c == -1) {
      return new Outcome(true, 0);
    }
    long line = 1 + lead.chars().filter(ch -> ch == '\n').count();
    int column = lead.length() - lead.lastIndexOf("\n");
    if (c == '{') {
      // A {"records": [...]} archive may be one line of any size: it is streamed, never held as a line.
      StringBuilder head = new StringBuilder("{");
      int ch = 0;
      while (head.length() < RECORDS_PEEK && (ch = in.read()) != -1) {
        head.append((char) ch);
        if (ch == '\n') {
          break;
        }
      }
      if (RECORDS_FIRST.matcher(head).lookingAt()) {
        return readDocument(file, new PrefixedReader(lead.toString() + head, in), sink, problems);
      }
      String first;
      if (ch == '\n') {
        first = stripCr(head.substring(0, head.length() - 1));
      } else {
        first = head + (ch == -1 ? "" : orEmpty(in.readLine()));
      }
      if (isOneValue(first)) {
        return readLines(file, List.of(first), line, column - 1, in, sink, problems);
      }
      // A malformed first line of JSON Lines must not cost the whole file: when the next non-blank line is
      // one whole object, the file is JSON Lines.
      List<String> seen = new ArrayList<>();
      seen.add(first);
      String next = in.readLine();
      while (next != null && next.isBlank()) {
        seen.add(next);
        next = in.readLine();
      }
      if (next != null) {
        seen.add(next);
      }
      if (next != null && next.trim().startsWith("{") && isOneValue(next)) {
        return readLines(file, seen, line, column - 1, in, sink, problems);
      }
      return readDocument(file, new PrefixedReader(lead + String.join("\n", seen) + "\n", in), sink, problems);
    }
    if (c == '[') {
      return readDocument(file, new PrefixedReader(lead + "[", in), sink, problems);
    }
    problems.add(new ImportProblem(file, line, column,
        "not a JSON export: expected '[' or '{' first, found '" + (char) c + "'"));
    return new Outcome(false, 0);
  }

  /** How many characters of the first line are read to tell a {@code {"records": [...]}} archive. */
  private static final int RECORDS_PEEK = 64;
  private static final java.util.regex.Pattern RECORDS_FIRST =
      java.util.regex.Pattern.compile("\\{\\s*\"records\"\\s*:\\s*\\[");

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static boolean isOneValue(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      p.nextToken();
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reads JSON Lines: the lines already read ({@code firstLines}, starting at line {@code firstLineNumber}), then
   * the rest of {@code in}. A malformed line costs that line only; a malformed <em>last</em> line means the file
   * was cut short, so the reading is incomplete.
   */
  private static Outcome readLines(String file, List<String> firstLines, long firstLineNumber, int firstIndent,
      BufferedReader in, Consumer<Element> sink, List<ImportProblem> problems) throws IOException {
    long[] index = {0};
    boolean lastMalformed = false;
    long lineNumber = firstLineNumber;
    int indent = firstIndent;
    java.util.Iterator<String> pending = firstLines.iterator();
    String text = pending.next();
    while (text != null) {
      if (!text.isBlank()) {
        lastMalformed = !readLine(file, text, lineNumber, indent, index, sink, problems);
      }
      text = pending.hasNext() ? pending.next() : in.readLine();
      lineNumber++;
      indent = 0;
    }
    if (lastMalformed) {
      problems.add(new ImportProblem(file, lineNumber - 1, 0,
          "the last line is not valid JSON: the file looks cut short, so what followed is unknown"));
    }
    return new Outcome(!lastMalformed, index[0]);
  }

  /** Reads one line of JSON Lines; false when the line is not valid JSON. */
  private static boolean readLine(String file, String text, long lineNumber, int indent, long[] index,
      Consumer<Element> sink, List<ImportProblem> problems) {
    Object value;
    try (JsonParser p = FACTORY.createParser(text)) {
      p.nextToken();
      value = readValue(p);
      if (p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        problems.add(new ImportProblem(file, lineNumber, indent + at.getColumnNr(),
            "event " + (++index[0]) + ": unexpected text after the event on the same line"));
        return true;
      }
    } catch (DuplicateKeyException e) {
      problems.add(new ImportProblem(file, lineNumber, indent + 1, "event " + (++index[0]) + ": " + e.getMessage()
          + "; the event is not used"));
      return true;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(new ImportProblem(file, lineNumber, indent + (at == null ? 1 : at.getColumnNr()),
          "event " + (++index[0]) + ": not valid JSON: " + e.getOriginalMessage()));
      return false;
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string cannot fail", e);
    }
    List<Object> records = recordsOf(value);
    if (records == null) {
      sink.accept(new Element(value, new SourcePosition(file, lineNumber, indent + 1, ++index[0])));
    } else {
      for (Object record : records) {
        sink.accept(new Element(record, new SourcePosition(file, lineNumber, indent + 1, ++index[0])));
      }
    }
    return true;
  }

  /** The elements of a {@code {"records": [...]}} wrapper, or null when {@code value} is not one. */
  private static List<Object> recordsOf(Object value) {
    if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("records") instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    return null;
  }

  private static Outcome readDocument(String file, Reader reader, Consumer<Element> sink,
      List<ImportProblem> problems) throws IOException {
    long index = 0;
    try (JsonParser p = FACTORY.createParser(reader)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            SourcePosition at = position(file, p, ++index);
            element(p, at, sink, problems);
          }
        } else if (t == JsonToken.START_OBJECT) {
          JsonStreamContext outer = p.getParsingContext().getParent();
          SourcePosition at = position(file, p, index + 1);
          if (p.nextToken() == JsonToken.FIELD_NAME && "records".equals(p.currentName())) {
            if (p.nextToken() == JsonToken.START_ARRAY) {
              while (p.nextToken() != JsonToken.END_ARRAY) {
                SourcePosition element = position(file, p, ++index);
                element(p, element, sink, problems);
              }
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                p.nextToken();
                p.skipChildren();
              }
            } else {
              index++;
              JsonStreamContext container = outer;
              try {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("records", readValue(p));
                p.nextToken();
                Map<String, Object> rest = readObjectFromCurrent(p);
                if (rest.containsKey("records")) {
                  throw new DuplicateKeyException("records");
                }
                event.putAll(rest);
                sink.accept(new Element(event, at));
              } catch (DuplicateKeyException e) {
                skipTo(p, container);
                problems.add(at.problem("event " + at.index() + ": " + e.getMessage() + "; the event is not used"));
              }
            }
          } else {
            index++;
            JsonStreamContext container = outer;
            try {
              sink.accept(new Element(readObjectFromCurrent(p), at));
            } catch (DuplicateKeyException e) {
              skipTo(p, container);
              problems.add(at.problem("event " + at.index() + ": " + e.getMessage() + "; the event is not used"));
            }
          }
        } else {
          SourcePosition at = position(file, p, ++index);
          element(p, at, sink, problems);
        }
      }
      return new Outcome(true, index);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(new ImportProblem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "not valid JSON, the rest of the file is not read: " + e.getOriginalMessage()));
      return new Outcome(false, index);
    }
  }

  /**
   * Reads the element whose first token is current and gives it to {@code sink}; an element with a key twice
   * (different values) is skipped to its end and reported instead.
   */
  private static void element(JsonParser p, SourcePosition at, Consumer<Element> sink, List<ImportProblem> problems)
      throws IOException {
    JsonToken first = p.currentToken();
    JsonStreamContext container = first != null && first.isStructStart() ? p.getParsingContext().getParent()
        : p.getParsingContext();
    Object value;
    try {
      value = readValue(p);
    } catch (DuplicateKeyException e) {
      skipTo(p, container);
      problems.add(at.problem("event " + at.index() + ": " + e.getMessage() + "; the event is not used"));
      return;
    }
    sink.accept(new Element(value, at));
  }

  /** Advances until the parser is back in {@code container}: the rest of an element left half read. */
  private static void skipTo(JsonParser p, JsonStreamContext container) throws IOException {
    while (p.getParsingContext() != container) {
      if (p.nextToken() == null) {
        throw new JsonParseException(p, "unexpected end of input");
      }
    }
  }

  /**
   * A key given twice in one object with different values: which one Azure meant would be a silent choice. Equal
   * repeats are harmless and kept once.
   */
  static final class DuplicateKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateKeyException(String name) {
      super("field \"" + name + "\" appears twice with different values", null, false, false);
    }
  }

  private static SourcePosition position(String file, JsonParser p, long index) {
    JsonLocation at = p.currentTokenLocation();
    return new SourcePosition(file, at.getLineNr(), at.getColumnNr(), index);
  }

  /**
   * Reads an object whose {@code START_OBJECT} was consumed and whose current token is the first {@code
   * FIELD_NAME} or the {@code END_OBJECT}.
   */
  private static Map<String, Object> readObjectFromCurrent(JsonParser p) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    JsonToken t = p.currentToken();
    while (t == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      Object value = readValue(p);
      if (m.containsKey(name)) {
        if (!java.util.Objects.equals(m.get(name), value)) {
          throw new DuplicateKeyException(name);
        }
      } else {
        m.put(name, value);
      }
      t = p.nextToken();
    }
    return m;
  }

  /** Reads the value whose first token is the parser's current token into a tree. */
  static Object readValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new JsonParseException(p, "unexpected end of input");
    }
    switch (t) {
      case START_OBJECT:
        p.nextToken();
        return readObjectFromCurrent(p);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        try {
          return p.getDecimalValue();
        } catch (NumberFormatException beyondBigDecimal) {
          return p.getText(); // an exponent too large for a BigDecimal: kept as the text written
        }
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonParseException(p, "unexpected token " + t);
    }
  }

  /**
   * Parses {@code text} as exactly one JSON value.
   *
   * @throws JsonProcessingException if it is not one valid JSON value
   */
  static Object parse(String text) throws JsonProcessingException {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        throw new JsonParseException(p, "no JSON value");
      }
      Object value;
      try {
        value = readValue(p);
      } catch (DuplicateKeyException e) {
        throw new JsonParseException(p, e.getMessage());
      }
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "unexpected text after the JSON value");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading from a string cannot fail", e);
    }
  }

  /**
   * The field of {@code object} named {@code name}: an exact match first, else the first whose name equals it
   * ignoring case (Azure spells {@code requestbody}, {@code responseBody}, {@code Properties} and {@code
   * properties} as it pleases). Empty when {@code object} is not an object or has no such field.
   */
  static Optional<Object> field(Object object, String name) {
    if (!(object instanceof Map<?, ?> m)) {
      return Optional.empty();
    }
    if (m.containsKey(name)) {
      return Optional.ofNullable(m.get(name));
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (e.getKey() instanceof String k && k.equalsIgnoreCase(name)) {
        return Optional.ofNullable(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** The field at the end of a path of names, each looked up as by {@link #field(Object, String)}. */
  static Optional<Object> path(Object object, String... names) {
    Optional<Object> current = Optional.ofNullable(object);
    for (String name : names) {
      current = current.flatMap(o -> field(o, name));
    }
    return current;
  }

  /**
   * The text of a value: a string trimmed, a number in plain notation, or the {@code value} of a localizable
   * object {@code {"value": .., "localizedValue": ..}}; empty text for anything else or nothing.
   */
  static String text(Optional<Object> value) {
    Object v = value.orElse(null);
    if (v instanceof String s) {
      return s.trim();
    }
    if (v instanceof java.math.BigDecimal d) {
      return plainOrScientific(d);
    }
    if (v instanceof Map<?, ?>) {
      return text(field(v, "value"));
    }
    return "";
  }

  /** The most characters a number is written with in plain notation; longer ones keep their exponent. */
  static final int MAX_PLAIN_NUMBER = 100;

  /**
   * A number in plain notation when that is short, else in scientific notation: {@code 1e999999999} (13 bytes of
   * input) would otherwise become a billion digits.
   */
  static String plainOrScientific(java.math.BigDecimal d) {
    long scale = d.scale();
    long plainLength = scale <= 0 ? d.precision() - scale : Math.max(d.precision(), scale + 1) + 1;
    return plainLength + 1 > MAX_PLAIN_NUMBER ? d.toString() : d.toPlainString();
  }

  /**
   * Parses an instant as Azure writes them: ISO-8601 with an offset ({@code 2018-01-29T20:42:31.3810679Z},
   * {@code 2021-03-15T10:22:33.123+00:00}); a value without an offset is UTC (rules §11).
   *
   * The year has exactly four digits and lies in 1900–9999 (after conversion to UTC): {@code +99999-01-01T..}
   * and {@code -2026-..} are refused like any other malformed time.
   *
   * @throws DateTimeParseException if it is none of these
   */
  static Instant instant(String text) {
    if (text.length() < 5 || text.charAt(4) != '-' || !Character.isDigit(text.charAt(0))
        || !text.substring(0, 4).chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new DateTimeParseException("the year must have four digits", text, 0);
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      at = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
    int year = at.atZone(ZoneOffset.UTC).getYear();
    if (year < 1900 || year > 9999) {
      throw new DateTimeParseException("year " + year + " is out of range 1900-9999", text, 0);
    }
    return at;
  }

  /** A reader that replays text already read, then goes on with the rest. */
  private static final class PrefixedReader extends Reader {
    private final String prefix;
    private final Reader rest;
    private int at;

    PrefixedReader(String prefix, Reader rest) {
      this.prefix = prefix;
      this.rest = rest;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (at < prefix.length()) {
        int n = Math.min(length, prefix.length() - at);
        prefix.getChars(at, at + n, buffer, offset);
        at += n;
        return n;
      }
      return rest.read(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
      rest.close();
    }
  }
}
