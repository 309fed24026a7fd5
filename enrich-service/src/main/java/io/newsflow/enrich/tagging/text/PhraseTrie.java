package io.newsflow.enrich.tagging.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles phrase lists into {@link PhraseAutomaton}'s tables: trie, breadth-first numbering, failure links.
 *
 * <p>Failure links only lead to suffixes that start at a word boundary, and the root is only left at a
 * boundary: a match must start there anyway. The root is two states: {@link #ROOT} after a character
 * that ends a word (or at the start), {@link #IN_WORD} after one inside a word, where no match can
 * start. So whether a match may start at a character is part of the state, and a step is one table
 * read without tests of the neighbouring characters (those tests' mispredicted branches were most
 * of a step's cost). Characters in no phrase get class {@link #NO_PHRASE} or {@link #NO_PHRASE_WORD}.
 */
final class PhraseTrie {

  /**
   * States this deep or shallower get a dense transition row (one read a step); deeper ones search
   * their edges and failure links. Three levels (about 1,500 rows, 0.5 MB with the current data, still
   * cache-sized) measured about 10 % less CPU for the whole enrichment than two (0.16 MB); see
   * BENCHMARKS.md.
   */
  static final int DENSE_DEPTH = 3;

  static final int ROOT = 0;
  static final int IN_WORD = 1;
  /** The class of a character in no phrase that ends a word (space, most punctuation). */
  static final int NO_PHRASE = 0;
  /** The class of a letter or digit in no phrase. */
  static final int NO_PHRASE_WORD = 1;

  record Tables(char[] classOf, int alphabet, int denseStates, int[] dense, int[] edgeStart, char[] edgeClass,
                int[] edgeTo, int[] fail, int[] report, int[] outputLink, int[] outStart, int[] outPhrase,
                int[] groupOf, int[] localId, int[] phraseLength, boolean[] prefixOnly, int groups) {}

  private static final class Node {
    final Map<Character, Node> children = new HashMap<>();
    final List<Integer> phrases = new ArrayList<>(0);
    final int depth;
    final char last;
    int id;

    Node(int depth, char last) {
      this.depth = depth;
      this.last = last;
    }
  }

  private PhraseTrie() {}

  static Tables compile(List<List<String>> groupLists) {
    char[] classOf = new char[Character.MAX_VALUE + 1];
    StringBuilder classChar = new StringBuilder("\0x"); // class -> its one character (any letter for NO_PHRASE_WORD)
    int alphabet = 2;
    int total = groupLists.stream().mapToInt(List::size).sum();
    int[] groupOf = new int[total];
    int[] localId = new int[total];
    int[] lengths = new int[total];
    boolean[] prefixOnly = new boolean[total];
    Node root = new Node(0, ' ');
    int gid = 0;
    for (int g = 0; g < groupLists.size(); g++) {
      List<String> phrases = groupLists.get(g);
      for (int id = 0; id < phrases.size(); id++, gid++) {
        String phrase = phrases.get(id);
        groupOf[gid] = g;
        localId[gid] = id;
        if (phrase.endsWith("*")) {
          prefixOnly[gid] = true;
          phrase = phrase.substring(0, phrase.length() - 1);
        }
        if (phrase.isEmpty()) {
          throw new IllegalArgumentException("empty phrase at index " + id + " of group " + g);
        }
        lengths[gid] = phrase.length();
        Node node = root;
        for (int i = 0; i < phrase.length(); i++) {
          char c = phrase.charAt(i);
          if (classOf[c] == 0) {
            classOf[c] = (char) alphabet++;
            classChar.append(c);
          }
          Node parent = node;
          node = parent.children.computeIfAbsent(c, k -> new Node(parent.depth + 1, k));
        }
        int group = g;
        // a phrase repeated within a group keeps its first id, as callers merge their payloads
        if (node.phrases.stream().noneMatch(p -> groupOf[p] == group)) {
          node.phrases.add(gid);
        }
      }
    }
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (classOf[c] == 0 && TextFolder.isWordChar((char) c)) {
        classOf[c] = (char) NO_PHRASE_WORD;
      }
    }
    boolean[] wordClass = new boolean[alphabet];
    for (int cls = 1; cls < alphabet; cls++) {
      wordClass[cls] = TextFolder.isWordChar(classChar.charAt(cls));
    }
    // breadth-first numbering: shallow (dense) states first, and every state after its failure target
    List<Node> order = new ArrayList<>();
    order.add(root);
    order.add(new Node(0, 'x')); // IN_WORD
    for (int k = 0; k < order.size(); k++) {
      order.get(k).id = k;
      order.addAll(order.get(k).children.values());
    }
    int states = order.size();
    int denseStates = 0;
    while (denseStates < states && order.get(denseStates).depth <= DENSE_DEPTH) {
      denseStates++;
    }
    int[] edgeStart = new int[states + 1];
    char[] edgeClass = new char[Math.max(0, states - 1)];
    int[] edgeTo = new int[edgeClass.length];
    int[] outStart = new int[states + 1];
    List<Integer> outPhrase = new ArrayList<>();
    int edges = 0;
    for (int s = 0; s < states; s++) {
      Node node = order.get(s);
      edgeStart[s] = edges;
      for (Map.Entry<Character, Node> e : node.children.entrySet()) {
        edgeClass[edges] = classOf[e.getKey()];
        edgeTo[edges++] = e.getValue().id;
      }
      outStart[s] = outPhrase.size();
      outPhrase.addAll(node.phrases);
    }
    edgeStart[states] = edges;
    outStart[states] = outPhrase.size();

    int[] dense = new int[denseStates * alphabet];
    int[] fail = new int[states];
    int[] report = new int[states];
    int[] outputLink = new int[states];
    Tables partial = new Tables(classOf, alphabet, denseStates, dense, edgeStart, edgeClass, edgeTo, fail, report,
        outputLink, outStart, outPhrase.stream().mapToInt(Integer::intValue).toArray(), groupOf, localId, lengths,
        prefixOnly, groupLists.size());
    PhraseAutomaton stepper = new PhraseAutomaton(partial);
    report[ROOT] = -1; // no empty phrases
    report[IN_WORD] = -1;
    outputLink[ROOT] = -1;
    outputLink[IN_WORD] = -1;
    // in breadth-first order each state's failure target, and that target's row, are complete before it is used
    for (int s = 0; s < states; s++) {
      if (s == ROOT) {
        for (int cls = 0; cls < alphabet; cls++) {
          dense[cls] = wordClass[cls] ? IN_WORD : ROOT;
        }
      } else if (s == IN_WORD) {
        // root's row is complete (its edges were added at s = 0): inside a word only a non-word character may start one
        for (int cls = 0; cls < alphabet; cls++) {
          dense[IN_WORD * alphabet + cls] = wordClass[cls] ? IN_WORD : dense[cls];
        }
      } else if (s < denseStates) {
        System.arraycopy(dense, fail[s] * alphabet, dense, s * alphabet, alphabet);
      }
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int child = edgeTo[e];
        int cls = edgeClass[e];
        if (s < denseStates) {
          dense[s * alphabet + cls] = child;
        }
        // a failure to the root lands on the root state that follows the child's last character
        int f = s == ROOT ? (wordClass[cls] ? IN_WORD : ROOT) : stepper.step(fail[s], cls);
        fail[child] = f;
        outputLink[child] = report[f];
        report[child] = outStart[child + 1] > outStart[child] ? child : outputLink[child];
      }
    }
    return partial;
  }
}
