package org.openpec.rules;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A bounded, thread-safe memo that rules may use to reuse a verdict computed from equal facts.
 *
 * <p>A rule may memoise only what is a pure function of the key: the memo changes how fast a verdict is found,
 * never what it is. {@link #none()} remembers nothing. When full, the memo forgets everything and starts again,
 * so its memory stays bounded whatever the input.
 */
public final class Memo {

  private static final Memo NONE = new Memo(0);

  private final int capacity;
  private final ConcurrentHashMap<Object, Object> values;

  private Memo(int capacity) {
    this.capacity = capacity;
    this.values = capacity == 0 ? null : new ConcurrentHashMap<>();
  }

  /** The memo that remembers nothing: every value is computed. */
  public static Memo none() {
    return NONE;
  }

  /**
   * A memo of at most {@code capacity} values.
   *
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  public static Memo bounded(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
    }
    return capacity == 0 ? NONE : new Memo(capacity);
  }

  /** The value remembered for {@code key}, or {@code compute}'s value, remembered. */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> compute) {
    Objects.requireNonNull(key, "key");
    if (values == null) {
      return compute.get();
    }
    Object v = values.get(key);
    if (v == null) {
      v = Objects.requireNonNull(compute.get(), "computed value");
      if (values.size() >= capacity) {
        values.clear();
      }
      values.put(key, v);
    }
    return (T) v;
  }
}
