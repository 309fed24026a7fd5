package io.newsflow.enrich.tagging.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {

  @Test
  void findsWholeWordsOnlyUnlessThePhraseIsAPrefix() {
    PhraseAutomaton automaton = PhraseAutomaton.build(List.of("kazakh", "militar*"));
    String text = TextFolder.fold("Kazakhstan's Kazakh militarisation, Kazakh-led");

    List<String> found = new ArrayList<>();
    for (PhraseMatch m : automaton.findAll(text)) {
      found.add(text.substring(m.start(), m.end()));
    }

    assertThat(found).containsExactly("kazakh", "militarisation", "kazakh");
  }

  @Test
  void staysAtTheInWordRootInsideAWordThatBeganNoPhrase() {
    // the search pays one table read per character inside such words, instead of starting matches the
    // boundary check would only throw away
    PhraseAutomaton automaton = PhraseAutomaton.build(List.of("kazakh", "nato"));
    String text = "xkazakh ankazakh unato kazakh knato";

    List<Integer> states = new ArrayList<>();
    int state = PhraseTrie.ROOT;
    for (char c : text.toCharArray()) {
      state = automaton.step(state, automaton.classOf[c]);
      states.add(state);
    }

    assertThat(states.subList(0, 7)).containsOnly(PhraseTrie.IN_WORD); // "xkazakh"
    assertThat(states.get(7)).isEqualTo(PhraseTrie.ROOT); // the space
    assertThat(states.subList(8, 16)).containsOnly(PhraseTrie.IN_WORD); // "ankazakh": no phrase starts with "a"; "nato" not inside
    assertThat(states.subList(17, 22)).containsOnly(PhraseTrie.IN_WORD); // "unato"
    assertThat(states.get(23)).isGreaterThan(PhraseTrie.IN_WORD); // "k" of "kazakh" leaves the root
    assertThat(states.subList(31, 35)).containsOnly(PhraseTrie.IN_WORD); // "knato": "k" began one, "n" cannot
    assertThat(automaton.findAll(text)).extracting(PhraseMatch::start).containsExactly(23);
  }

  @Test
  void reportsOverlappingPhrasesAndKeepsTheLeftmostLongest() {
    PhraseAutomaton automaton = PhraseAutomaton.build(List.of("kazakh", "kazakh defence ministry", "defence"));
    String text = "the kazakh defence ministry said";

    List<PhraseMatch> all = automaton.findAll(text);
    List<PhraseMatch> kept = PhraseAutomaton.leftmostLongest(all);

    assertThat(all).hasSize(3);
    assertThat(kept).singleElement().satisfies(m -> assertThat(m.phraseId()).isEqualTo(1));
  }

  @Test
  void matchesCyrillicAndDiacriticVariants() {
    PhraseAutomaton automaton = PhraseAutomaton.build(List.of(TextFolder.fold("ОДКБ"), TextFolder.fold("Erdogan")));
    String text = TextFolder.fold("Саммит ОДКБ; Erdoğan and ERDOGAN");

    assertThat(automaton.findAll(text)).extracting(PhraseMatch::phraseId).containsExactly(0, 1, 1);
  }

  @Test
  void agreesWithANaiveSearchOnRandomText() {
    Random random = new Random(42);
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      phrases.add(randomWord(random, 1 + random.nextInt(6)));
    }
    List<String> unique = phrases.stream().distinct().toList();
    PhraseAutomaton automaton = PhraseAutomaton.build(unique);
    for (int round = 0; round < 50; round++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 300; w++) {
        text.append(randomWord(random, 1 + random.nextInt(5))).append(random.nextInt(4) == 0 ? ", " : " ");
      }
      String t = text.toString();
      Comparator<PhraseMatch> order = Comparator.comparingInt(PhraseMatch::start).thenComparingInt(PhraseMatch::phraseId);
      List<PhraseMatch> expected = naive(unique, t);
      List<PhraseMatch> actual = new ArrayList<>(automaton.findAll(t));
      expected.sort(order);
      actual.sort(order);
      assertThat(actual).isEqualTo(expected);
    }
  }

  private static List<PhraseMatch> naive(List<String> phrases, String text) {
    List<PhraseMatch> out = new ArrayList<>();
    for (int id = 0; id < phrases.size(); id++) {
      String p = phrases.get(id);
      for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
        boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
        int end = i + p.length();
        boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
        if (startOk && endOk) {
          out.add(new PhraseMatch(i, end, id));
        }
      }
    }
    return out;
  }

  @Test
  void searchesSeveralGroupsInOnePassAsIfEachWereAlone() {
    Random random = new Random(7);
    List<List<String>> groups = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      List<String> phrases = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        phrases.add(randomPhrase(random));
      }
      // "ab" and "ab*" are one phrase to the automaton (the first wins); keep one of each
      Map<String, String> byKey = new LinkedHashMap<>();
      phrases.forEach(p -> byKey.putIfAbsent(p.replace("*", ""), p));
      groups.add(List.copyOf(byKey.values()));
    }
    PhraseAutomaton together = PhraseAutomaton.buildGroups(groups);
    List<PhraseAutomaton> alone = groups.stream().map(PhraseAutomaton::build).toList();
    for (int round = 0; round < 50; round++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 300; w++) {
        text.append(randomPhrase(random)).append(" ,.-'".charAt(random.nextInt(5)));
      }
      String t = text.toString();
      List<List<PhraseMatch>> found = together.findAllGrouped(t);
      for (int g = 0; g < groups.size(); g++) {
        assertThat(found.get(g)).as("group %d in %s", g, t).isEqualTo(alone.get(g).findAll(t));
        assertThat(sorted(found.get(g))).as("group %d against a naive search", g)
            .isEqualTo(sorted(naiveAnyPhrase(groups.get(g), t)));
      }
    }
  }

  /** Words joined by spaces, hyphens, dots and apostrophes, sometimes opened by one, sometimes a prefix: "-ab.c", "bд*". */
  private static String randomPhrase(Random random) {
    StringBuilder sb = new StringBuilder();
    if (random.nextInt(8) == 0) {
      sb.append(".-'".charAt(random.nextInt(3)));
    }
    int words = 1 + random.nextInt(3);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        sb.append(" -.'".charAt(random.nextInt(4)));
      }
      sb.append(randomWord(random, 1 + random.nextInt(4)));
    }
    if (random.nextInt(6) == 0) {
      sb.append('*');
    }
    return sb.toString();
  }

  /** The contract spelled out: starts and (unless a prefix phrase) ends where no word runs across. */
  private static List<PhraseMatch> naiveAnyPhrase(List<String> phrases, String text) {
    List<PhraseMatch> out = new ArrayList<>();
    for (int id = 0; id < phrases.size(); id++) {
      boolean prefix = phrases.get(id).endsWith("*");
      String p = phrases.get(id).replace("*", "");
      for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
        int end = i + p.length();
        if (!boundary(text, i - 1, i)) {
          continue;
        }
        if (prefix) {
          while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
          }
          out.add(new PhraseMatch(i, end, id));
        } else if (boundary(text, end - 1, end)) {
          out.add(new PhraseMatch(i, end, id));
        }
      }
    }
    return out;
  }

  private static boolean boundary(String text, int before, int after) {
    return before < 0 || after >= text.length()
        || !(Character.isLetterOrDigit(text.charAt(before)) && Character.isLetterOrDigit(text.charAt(after)));
  }

  private static List<PhraseMatch> sorted(List<PhraseMatch> matches) {
    List<PhraseMatch> out = new ArrayList<>(matches);
    out.sort(Comparator.comparingInt(PhraseMatch::start).thenComparingInt(PhraseMatch::end)
        .thenComparingInt(PhraseMatch::phraseId));
    return out;
  }

  private static String randomWord(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append("abcд".charAt(random.nextInt(4)));
    }
    return sb.toString();
  }
}
