package org.openpec.examples.generate;

import java.util.SplittableRandom;

/** Identifier shapes of Partner Center and Azure, drawn from a seeded random source. */
final class Ids {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** The alphabet of Partner Center catalogue ids (no vowels, no look-alikes). */
  private static final char[] CATALOG = "0123456789BCDFGHJKLMNPQRSTVWXZ".toCharArray();
  private static final char[] LOWER = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private Ids() {}

  /** A random (version 4) GUID in lower case, e.g. {@code 9f2c5e1a-...}. */
  static String guid(SplittableRandom r) {
    long hi = r.nextLong();
    long lo = r.nextLong();
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    char[] c = new char[36];
    int p = 0;
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        c[p++] = '-';
      }
      long src = i < 8 ? hi : lo;
      int b = (int) (src >>> (56 - 8 * (i % 8))) & 0xFF;
      c[p++] = HEX[b >>> 4];
      c[p++] = HEX[b & 0xF];
    }
    return new String(c);
  }

  /** A catalogue id like {@code DZH318Z0BQ4B}: a fixed prefix and random characters. */
  static String catalogId(SplittableRandom r, String prefix, int length) {
    StringBuilder sb = new StringBuilder(length).append(prefix);
    while (sb.length() < length) {
      sb.append(CATALOG[r.nextInt(CATALOG.length)]);
    }
    return sb.toString();
  }

  /** Lower-case letters and digits, e.g. for storage account names. */
  static String lowerAlnum(SplittableRandom r, int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = LOWER[r.nextInt(LOWER.length)];
    }
    return new String(c);
  }

  /** A decimal number of {@code length} digits without a leading zero. */
  static String digits(SplittableRandom r, int length) {
    StringBuilder sb = new StringBuilder(length);
    sb.append((char) ('1' + r.nextInt(9)));
    while (sb.length() < length) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  /** A well-mixed 64-bit value of a seed and a stream number (SplitMix64 finaliser). */
  static long mix(long seed, long stream) {
    long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
