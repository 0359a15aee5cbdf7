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
  /** The values of the owner asked last (usually the only one): found without a lookup. */
  private volatile Owned last;

  private record Owned(Object owner, ConcurrentHashMap<Object, Object> values) {}

  Memo(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** The value {@code owner} remembered for {@code key}, or {@code compute}'s value for {@code facts}, remembered. */
  @SuppressWarnings("unchecked")
  <T> T get(Object owner, Object key, LineFacts facts, Function<LineFacts, T> compute) {
    Owned l = last;
    ConcurrentHashMap<Object, Object> values;
    if (l != null && l.owner == owner) {
      values = l.values;
    } else {
      values = byOwner.computeIfAbsent(Objects.requireNonNull(owner, "owner"), o -> new ConcurrentHashMap<>());
      last = new Owned(owner, values);
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
