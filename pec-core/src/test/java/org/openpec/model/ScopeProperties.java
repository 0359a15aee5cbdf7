package org.openpec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Qt.qt;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openpec.Generators;
import org.quicktheories.generators.Generate;

/** Scope parsing and ancestry (rules §4) against a model of lists of segments. */
class ScopeProperties {

  private static String lowerJoin(List<String> segments) {
    return segments.isEmpty() ? "/" : "/" + String.join("/", segments).toLowerCase(Locale.ROOT);
  }

  /** A non-empty prefix of segments, compared ignoring case. */
  private static boolean modelCovers(List<String> scope, List<String> resource) {
    if (scope.isEmpty() || scope.size() > resource.size()) {
      return false;
    }
    for (int i = 0; i < scope.size(); i++) {
      if (!scope.get(i).equalsIgnoreCase(resource.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Test
  void parsingKeepsTheSegmentsAndDropsEmptyOnesAndTrailingSlashes() {
    qt().forAll(Generators.scopeTexts()).checkAssert(t -> {
      Scope s = Scope.parse(t.text());
      assertThat(s.key()).isEqualTo(lowerJoin(t.segments()));
      assertThat(s.path()).isEqualToIgnoringCase(lowerJoin(t.segments()));
      assertThat(s.isRoot()).isEqualTo(t.segments().isEmpty());
    });
  }

  @Test
  void parsingIsIdempotent() {
    qt().forAll(Generators.scopeTexts()).checkAssert(t -> {
      Scope s = Scope.parse(t.text());
      assertThat(Scope.parse(s.path()).path()).isEqualTo(s.path());
      assertThat(Scope.parse(s.toString())).isEqualTo(s);
    });
  }

  @Test
  void coversIsASegmentPrefixComparedIgnoringCase() {
    qt().forAll(Generators.scopeTexts(), Generators.scopeTexts()).checkAssert((a, b) ->
        assertThat(Scope.parse(a.text()).covers(Scope.parse(b.text())))
            .as("%s covers %s", a.text(), b.text())
            .isEqualTo(modelCovers(a.segments(), b.segments())));
  }

  @Test
  void scopeMatchingIgnoresCase() {
    qt().forAll(Generators.scopeTexts(), Generators.scopeTexts(), Generators.caseFlips(), Generators.caseFlips())
        .checkAssert((a, b, flipA, flipB) -> {
          Scope sa = Scope.parse(a.text());
          Scope sb = Scope.parse(b.text());
          Scope fa = Scope.parse(Generators.flipCase(a.text(), flipA));
          Scope fb = Scope.parse(Generators.flipCase(b.text(), flipB));
          assertThat(fa.covers(fb)).isEqualTo(sa.covers(sb));
          assertThat(fa).isEqualTo(sa).hasSameHashCodeAs(sa);
          assertThat(fa.key()).isEqualTo(sa.key());
        });
  }

  @Test
  void subscriptionANeverCoversSubscriptionAbOrAnythingBelowIt() {
    qt().forAll(Generators.scopeTexts(), Generators.caseFlips(), Generators.caseFlips()).checkAssert((t, f1, f2) -> {
      Scope a = Scope.parse(Generators.flipCase("/subscriptions/a", f1));
      Scope below = Scope.parse(Generators.flipCase("/subscriptions/ab/", f2) + t.text());
      Scope under = Scope.parse(Generators.flipCase("/subscriptions/a/", f2) + t.text());
      assertThat(a.covers(below)).as("%s covers %s", a, below).isFalse();
      assertThat(a.covers(under)).as("%s covers %s", a, under).isTrue();
    });
  }

  @Test
  void theRootCoversNothing() {
    qt().forAll(Generators.scopeTexts(), Generate.pick(List.of("/", "", "  ", "//", " / / "))).checkAssert((t, root) -> {
      Scope r = Scope.parse(root);
      assertThat(r.isRoot()).isTrue();
      assertThat(r.covers(Scope.parse(t.text()))).isFalse();
      assertThat(r.ancestorKeys()).isEmpty();
    });
  }

  @Test
  void ancestorKeysAreExactlyTheKeysOfTheScopesThatCover() {
    qt().forAll(Generators.scopeTexts(), Generators.scopeTexts()).checkAssert((a, b) -> {
      Scope resource = Scope.parse(a.text());
      Scope scope = Scope.parse(b.text());
      assertThat(resource.ancestorKeys().contains(scope.key())).isEqualTo(scope.covers(resource));
      assertThat(resource.ancestorKeys()).hasSize(a.segments().size());
    });
  }

  @Test
  void coversIsReflexiveAndTransitiveButNeverSymmetricForDistinctScopes() {
    qt().forAll(Generators.scopeTexts(), Generators.scopeTexts(), Generators.scopeTexts()).checkAssert((a, b, c) -> {
      Scope x = Scope.parse(a.text());
      Scope y = Scope.parse(b.text());
      Scope z = Scope.parse(c.text());
      assertThat(x.covers(x)).isEqualTo(!x.isRoot());
      if (x.covers(y) && y.covers(z)) {
        assertThat(x.covers(z)).isTrue();
      }
      if (x.covers(y) && y.covers(x)) {
        assertThat(x).isEqualTo(y);
      }
    });
  }
}
