package io.newsflow.enrich.tagging.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Aho–Corasick automaton over folded phrases, in one or more groups searched in a single pass (the
 * tagger's actor names, context cues and theme evidence read the text once, not three times).
 *
 * <p>Written here rather than taken from {@code org.ahocorasick:ahocorasick}: that library folds case
 * with {@code Character.toLowerCase} only (no diacritics, no typographic quotes), checks word
 * boundaries with its own notion of a word, and walks a map per character.
 *
 * <p>Layout, for speed on 5 KB texts: the root and the states up to three characters deep have dense
 * transition rows; deeper states keep only their trie edges and a failure link. The whole automaton
 * stays a few hundred kilobytes, in cache, where a dense table over every state was several megabytes
 * and a cache miss per character. Matches start only at word boundaries, so a search leaves the root
 * only there; the root is two states, at a boundary and inside a word (see {@link PhraseTrie}).
 *
 * <p>Phrases are given already folded ({@link TextFolder}). A phrase ending in {@code *} matches as
 * a word prefix, and the match runs to the end of that word ("militar*" gives all of "militarisation");
 * all others must end at a word boundary. Every match must start at a word boundary. Immutable and
 * thread-safe once built.
 */
public final class PhraseAutomaton {

  final char[] classOf;      // folded char -> alphabet class; 0 or 1 for chars in no phrase (PhraseTrie.NO_PHRASE*)
  final int alphabet;
  final int denseStates;     // states [0, denseStates) have a full row in dense
  final int[] dense;         // state * alphabet + class -> next state, for dense states
  final int[] edgeStart;     // state -> its trie edges [edgeStart[s], edgeStart[s + 1])
  final char[] edgeClass;
  final int[] edgeTo;
  final int[] fail;
  final int[] report;        // state -> itself if it ends phrases, else its nearest suffix state that does, or -1
  final int[] outputLink;    // state -> nearest proper suffix state that ends phrases, or -1
  final int[] outStart;      // state -> the phrases ending there [outStart[s], outStart[s + 1]) in outPhrase
  final int[] outPhrase;     // global phrase ids
  final int[] groupOf;       // global phrase id -> group
  final int[] localId;       // global phrase id -> index in its group's list
  final int[] phraseLength;
  final boolean[] prefixOnly;
  final int groups;

  PhraseAutomaton(PhraseTrie.Tables t) {
    this.classOf = t.classOf();
    this.alphabet = t.alphabet();
    this.denseStates = t.denseStates();
    this.dense = t.dense();
    this.edgeStart = t.edgeStart();
    this.edgeClass = t.edgeClass();
    this.edgeTo = t.edgeTo();
    this.fail = t.fail();
    this.report = t.report();
    this.outputLink = t.outputLink();
    this.outStart = t.outStart();
    this.outPhrase = t.outPhrase();
    this.groupOf = t.groupOf();
    this.localId = t.localId();
    this.phraseLength = t.phraseLength();
    this.prefixOnly = t.prefixOnly();
    this.groups = t.groups();
  }

  /**
   * @param phrases folded phrases; the phrase id of a match is its index in this list. Duplicates
   *                keep the first id, so callers should merge payloads of equal phrases themselves.
   */
  public static PhraseAutomaton build(List<String> phrases) {
    return buildGroups(List.of(phrases));
  }

  /**
   * One automaton over several phrase lists; {@link #findAllGrouped} reports each list's matches
   * apart, with ids local to that list. A phrase may be in several lists.
   */
  public static PhraseAutomaton buildGroups(List<List<String>> groups) {
    return new PhraseAutomaton(PhraseTrie.compile(groups));
  }

  /** Every match in {@code folded} that starts at a word boundary and, unless a prefix phrase, ends at one. */
  public List<PhraseMatch> findAll(String folded) {
    return findAllGrouped(folded).get(0);
  }

  /** {@link #findAll} for every group at once: element g holds group g's matches, in text order of their ends. */
  public List<List<PhraseMatch>> findAllGrouped(String folded) {
    // one copy up front keeps the hot loop on a plain array
    return findAllGrouped(folded.toCharArray());
  }

  /** {@link #findAllGrouped(String)} over folded text in an array, which it does not change. */
  public List<List<PhraseMatch>> findAllGrouped(char[] text) {
    List<List<PhraseMatch>> out = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      out.add(new ArrayList<>());
    }
    int state = PhraseTrie.ROOT;
    for (int i = 0, n = text.length; i < n; i++) {
      state = step(state, classOf[text[i]]);
      for (int s = report[state]; s >= 0; s = outputLink[s]) {
        for (int o = outStart[s], end = outStart[s + 1]; o < end; o++) {
          emit(text, i, outPhrase[o], out);
        }
      }
    }
    return out;
  }

  private void emit(char[] text, int last, int phrase, List<List<PhraseMatch>> out) {
    int start = last + 1 - phraseLength[phrase];
    if (!atBoundary(text, start - 1, start)) {
      return;
    }
    if (prefixOnly[phrase]) {
      // the whole word is the evidence
      out.get(groupOf[phrase]).add(new PhraseMatch(start, wordEnd(text, last + 1), localId[phrase]));
    } else if (atBoundary(text, last, last + 1)) {
      out.get(groupOf[phrase]).add(new PhraseMatch(start, last + 1, localId[phrase]));
    }
  }

  /**
   * The goto function: a deep state's own edges, else its failure link's, down to a dense row (the
   * two root states' rows say whether a match may start at the character).
   */
  int step(int state, int cls) {
    int s = state;
    if (s >= denseStates) {
      if (cls <= PhraseTrie.NO_PHRASE_WORD) {
        return cls == PhraseTrie.NO_PHRASE ? PhraseTrie.ROOT : PhraseTrie.IN_WORD; // no phrase goes on through it
      }
      do {
        for (int e = edgeStart[s], end = edgeStart[s + 1]; e < end; e++) {
          if (edgeClass[e] == cls) {
            return edgeTo[e];
          }
        }
        s = fail[s];
      } while (s >= denseStates);
    }
    return dense[s * alphabet + cls];
  }

  private static int wordEnd(char[] text, int from) {
    int end = from;
    while (end < text.length && TextFolder.isWordChar(text[end])) {
      end++;
    }
    return end;
  }

  /** True when there is no word between positions {@code before} and {@code after}. */
  private static boolean atBoundary(char[] text, int before, int after) {
    if (before < 0 || after >= text.length) {
      return true;
    }
    return !(TextFolder.isWordChar(text[before]) && TextFolder.isWordChar(text[after]));
  }

  /** Keeps the leftmost, then longest, of overlapping matches; the result is in text order. */
  public static List<PhraseMatch> leftmostLongest(List<PhraseMatch> matches) {
    List<PhraseMatch> sorted = new ArrayList<>(matches);
    sorted.sort((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start())
        : Integer.compare(y.end(), x.end()));
    List<PhraseMatch> kept = new ArrayList<>();
    int coveredTo = -1;
    for (PhraseMatch m : sorted) {
      if (m.start() >= coveredTo) {
        kept.add(m);
        coveredTo = m.end();
      }
    }
    return kept;
  }
}
