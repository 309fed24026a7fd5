package io.newsflow.enrich.tagging.text;

/** One occurrence of a phrase: characters {@code [start, end)} of the searched text. */
public record PhraseMatch(int start, int end, int phraseId) {

  public int length() {
    return end - start;
  }
}
