package io.newsflow.enrich.actor;

/**
 * How central an actor is to an article, in [0, 1]. The title says what the article is about, a lead
 * mention matters more than one in the last paragraph, and repetition matters with diminishing
 * returns; an actor only named as an adjective ("Russian-made rifles") counts half.
 */
final class Salience {

  private Salience() {}

  static double of(int mentions, boolean inTitle, int firstOffset, int textLength, boolean adjectivalOnly) {
    double title = inTitle ? 0.4 : 0;
    double position = firstOffset < 0 || textLength == 0 ? 0 : 0.25 * (1 - (double) firstOffset / textLength);
    double frequency = 0.35 * (1 - Math.pow(0.6, mentions));
    double score = title + position + frequency;
    if (adjectivalOnly) {
      score *= 0.5;
    }
    return Math.round(Math.min(1, score) * 1000) / 1000.0;
  }
}
