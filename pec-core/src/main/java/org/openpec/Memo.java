package org.openpec;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.openpec.rules.LineFacts;

/**
 * The bounded, thread-safe memory behind {@link LineFacts#remember} for one calculator: values per owner (a
 * rule) and key. When an owner's values reach the capacity, they are forgotten and remembering starts again, so
 * memory stays bounded whatever the input.
 */
final class Memo {

  private final int capacity;
  private final Map<Object, ConcurrentHashMap<Object, Object>> byOwner = new ConcurrentHashMap<>();

  Memo(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** The value {@code owner} remembered for {@code key}, or {@code compute}'s value for {@code facts}, remembered. */
  @SuppressWarnings("unchecked")
  <T> T get(Object owner, Object key, LineFacts facts, Function<LineFacts, T> compute) {
    ConcurrentHashMap<Object, Object> values = byOwner.get(owner);
    if (values == null) {
      values = byOwner.computeIfAbsent(Objects.requireNonNull(owner, "owner"), o -> new ConcurrentHashMap<>());
    }
    Object v = values.get(Objects.requireNonNull(key, "key"));
    if (v == null) {
      v = Objects.requireNonNull(compute.apply(facts), "computed value");
      if (values.size() >= capacity) {
        values.clear();
      }
      values.put(key, v);
    }
    return (T) v;
  }
}
