package org.openpec.internal.text;

/** Whole-word tests on text, as the product rules need them (rules §6.5). */
public final class Words {

  private Words() {}

  /**
   * Whether {@code text} holds {@code word} ignoring case, bounded on each side by a character that is not a letter
   * or digit, or by the start or end of the text ({@code D2s_v3_Spot} holds {@code Spot}, {@code Spotlight} does
   * not). Unlike a regex {@code \b}, an underscore is a boundary.
   */
  public static boolean containsWord(String text, String word) {
    int n = text.length();
    int w = word.length();
    if (w == 0) {
      return false;
    }
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    char first = lower.charAt(0);
    for (int at = 0; at + w <= n; at++) {
      if (Character.toLowerCase(text.charAt(at)) == first && matchesAt(text, at, lower)
          && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
          && (at + w == n || !Character.isLetterOrDigit(text.charAt(at + w)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(String text, int at, String lower) {
    for (int k = 1; k < lower.length(); k++) {
      if (Character.toLowerCase(text.charAt(at + k)) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

}
