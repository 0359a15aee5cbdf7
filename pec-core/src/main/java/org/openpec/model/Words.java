package org.openpec.model;

/** Whole-word tests on text, as the product rules need them (spec §6.5). */
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
    char lower = Character.toLowerCase(word.charAt(0));
    char upper = Character.toUpperCase(word.charAt(0));
    for (int at = 0; at + w <= n; at++) {
      char c = text.charAt(at);
      if ((c == lower || c == upper) && text.regionMatches(true, at, word, 0, w)
          && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
          && (at + w == n || !Character.isLetterOrDigit(text.charAt(at + w)))) {
        return true;
      }
    }
    return false;
  }
}
