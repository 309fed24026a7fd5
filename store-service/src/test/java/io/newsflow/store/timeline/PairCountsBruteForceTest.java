package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The counting against the plainest count there is: every pair of an article's distinct actors, a before b, with each
 * of its distinct themes. Articles are random and noisy, as tagging gives them: repeated actors and themes, one actor,
 * no themes, ids holding the stored form's separators.
 */
class PairCountsBruteForceTest {

  private static final String[] ACTORS = {"KAZ", "RUS", "CHN", "UZB", "KGZ", "TJK", "TKM", "USA", "TUR", "IRN",
      "org.csto", "org.sco", "org.eaeu", "org.nato", "person.tokayev", "person.putin", "a b=c", "100%"};
  private static final String[] THEMES = {"military-exercises", "energy-transit", "trade", "sanctions", "diplomacy",
      "border-security", "nuclear", "theme with space=1"};

  private record Article(List<String> actors, List<String> themes) {}

  @Test
  void countsEveryPairAndThemeAsABruteForceCountDoes() {
    Random random = new Random(20261128);
    for (int round = 0; round < 40; round++) {
      List<Article> articles = articles(random, 1 + random.nextInt(300));
      PairCounts counted = new PairCounts();
      articles.forEach(a -> counted.addArticle(a.actors(), a.themes()));
      Map<String, Aggregates.Pair> expected = bruteForce(articles);

      List<Aggregates.Pair> all = counted.top(null, Integer.MAX_VALUE);
      assertThat(byPair(all)).isEqualTo(expected);
      assertThat(counted.size()).isEqualTo(expected.size());
      assertThat(all).isSortedAccordingTo((x, y) -> x.count() != y.count() ? Long.compare(y.count(), x.count())
          : !x.a().equals(y.a()) ? x.a().compareTo(y.a()) : x.b().compareTo(y.b()));
      assertThat(byPair(PairCounts.decode(counted.encode()).top(null, Integer.MAX_VALUE))).isEqualTo(expected);
      String actor = ACTORS[random.nextInt(ACTORS.length)];
      assertThat(counted.top(actor, 5)).isEqualTo(all.stream().filter(p -> p.a().equals(actor) || p.b().equals(actor)).limit(5).toList());
    }
  }

  @Test
  void partsSummedAndTakenAwayGiveTheBruteForceCountOfWhatIsLeft() {
    Random random = new Random(7);
    for (int round = 0; round < 40; round++) {
      List<Article> first = articles(random, random.nextInt(150));
      List<Article> second = articles(random, random.nextInt(150));
      PairCounts one = new PairCounts();
      first.forEach(a -> one.addArticle(a.actors(), a.themes()));
      PairCounts two = new PairCounts();
      second.forEach(a -> two.addArticle(a.actors(), a.themes()));
      List<Article> both = new ArrayList<>(first);
      both.addAll(second);

      PairCounts total = new PairCounts();
      total.addAll(one);
      total.addAll(PairCounts.decode(two.encode()));
      assertThat(byPair(total.top(null, Integer.MAX_VALUE))).isEqualTo(bruteForce(both));
      assertThat(byPair(PairCounts.top(List.of(one.encode(), two.encode()), null, Integer.MAX_VALUE))).isEqualTo(bruteForce(both));

      assertThat(total.subtract(one)).isTrue();
      assertThat(byPair(total.top(null, Integer.MAX_VALUE))).isEqualTo(bruteForce(second));
      assertThat(total.size()).isEqualTo(bruteForce(second).size());
      assertThat(total.isEmpty()).isEqualTo(bruteForce(second).isEmpty());
      if (!one.isEmpty()) {
        PairCounts copy = new PairCounts();
        copy.addAll(total);
        assertThat(copy.subtract(one)).as("taking away what is no longer there").isFalse();
      }
      assertThat(total.subtract(PairCounts.decode(two.encode()))).isTrue();
      assertThat(total.isEmpty()).as("nothing left once every part is taken away").isTrue();
      assertThat(total.size()).isZero();
      assertThat(total.encode()).isEmpty();
    }
  }

  private static List<Article> articles(Random random, int n) {
    List<Article> articles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // mostly the e2e shape (up to 12 actors, 1-2 themes), sometimes one actor, repeats or no themes
      List<String> actors = new ArrayList<>();
      int actorCount = random.nextInt(10) == 0 ? 1 : 2 + random.nextInt(11);
      for (int a = 0; a < actorCount; a++) {
        actors.add(ACTORS[random.nextInt(random.nextBoolean() ? 4 : ACTORS.length)]);
      }
      List<String> themes = new ArrayList<>();
      int themeCount = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(random.nextInt(5) == 0 ? 5 : 2);
      for (int t = 0; t < themeCount; t++) {
        themes.add(THEMES[random.nextInt(THEMES.length)]);
      }
      articles.add(new Article(actors, themes));
    }
    return articles;
  }

  private static Map<String, Aggregates.Pair> bruteForce(List<Article> articles) {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Map<String, Long>> themes = new HashMap<>();
    for (Article article : articles) {
      List<String> actors = new ArrayList<>(new TreeSet<>(article.actors()));
      List<String> distinctThemes = article.themes().stream().distinct().toList();
      for (int i = 0; i < actors.size(); i++) {
        for (int j = i + 1; j < actors.size(); j++) {
          String key = actors.get(i) + "|" + actors.get(j);
          counts.computeIfAbsent(key, k -> new long[1])[0]++;
          Map<String, Long> t = themes.computeIfAbsent(key, k -> new TreeMap<>());
          distinctThemes.forEach(theme -> t.merge(theme, 1L, Long::sum));
        }
      }
    }
    Map<String, Aggregates.Pair> out = new HashMap<>();
    counts.forEach((key, n) -> {
      String[] ab = key.split("\\|", 2);
      out.put(key, new Aggregates.Pair(ab[0], ab[1], n[0], themes.get(key)));
    });
    return out;
  }

  private static Map<String, Aggregates.Pair> byPair(List<Aggregates.Pair> pairs) {
    Map<String, Aggregates.Pair> out = new HashMap<>();
    pairs.forEach(p -> out.put(p.a() + "|" + p.b(), new Aggregates.Pair(p.a(), p.b(), p.count(), new TreeMap<>(p.themes()))));
    assertThat(out).as("each pair once").hasSize(pairs.size());
    return out;
  }
}
