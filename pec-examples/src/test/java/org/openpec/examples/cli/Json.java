package org.openpec.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON document read into maps, lists, strings and longs (tests only; jackson-core's streaming parser). */
final class Json {

  private final Object value;

  private Json(Object value) {
    this.value = value;
  }

  static Json read(Path file) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      p.nextToken();
      return new Json(value(p));
    }
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_STRING:
        return p.getText();
      default:
        throw new IOException("unexpected " + t);
    }
  }

  /** The member {@code name} of this object. */
  Json get(String name) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) value;
    if (!m.containsKey(name)) {
      throw new AssertionError("no member " + name + " in " + m.keySet());
    }
    return new Json(m.get(name));
  }

  /** Whether this object has a member {@code name}. */
  boolean has(String name) {
    return ((Map<?, ?>) value).containsKey(name);
  }

  /** The element {@code i} of this array. */
  Json at(int i) {
    return new Json(((List<?>) value).get(i));
  }

  /** The number of elements of this array or members of this object. */
  int size() {
    return value instanceof List<?> l ? l.size() : ((Map<?, ?>) value).size();
  }

  long asLong() {
    return (Long) value;
  }

  String asText() {
    return String.valueOf(value);
  }
}
