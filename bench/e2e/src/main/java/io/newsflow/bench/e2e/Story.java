package io.newsflow.bench.e2e;

import java.util.SplittableRandom;

/**
 * What one generated article is about: a theme, the actors involved, a place and a date. A calibrated story also
 * has a cast, the few states, leaders, organisations and places a real report keeps coming back to; a dense story
 * has none, and every sentence names actors drawn from the whole vocabulary (see {@link Corpus.Density}).
 */
record Story(Theme theme, String state, String otherState, String leader, String org, String city, String date, Cast cast) {

  /** A theme with the phrases a reporter would use for it; the enrich taxonomy is expected to recognise them. */
  record Theme(String name, String[] events, String[] details) {}

  /** The actors and places a calibrated article's sentences name; null for a dense article. */
  record Cast(String[] states, String[] leaders, String[] orgs, String[] cities) {}

  /**
   * Share of a calibrated article's actor and place mentions taken from its cast; the rest are drawn from the whole
   * vocabulary, as asides and comparisons are in real reports.
   */
  static final double CAST_SHARE = 0.9;

  static Story pick(SplittableRandom random, Corpus.Density density) {
    Theme theme = Sentences.THEMES[random.nextInt(Sentences.THEMES.length)];
    String state = random.nextInt(10) < 6 ? "Kazakhstan" : Words.pick(Words.STATES, random);
    String other;
    do {
      other = Words.pick(Words.STATES, random);
    } while (other.equals(state));
    String date = (1 + random.nextInt(28)) + " " + Words.pick(Words.MONTHS, random) + " " + (2019 + random.nextInt(8));
    String leader = Words.pick(Words.LEADERS, random);
    String org = Words.pick(Words.ORGS, random);
    String city = Words.pick(Words.CITIES, random);
    // the dense corpus draws nothing more, so that it stays the text it was before calibration
    Cast cast = density == Corpus.Density.DENSE ? null : new Cast(
        new String[] {state, other, Words.pick(Words.STATES, random)},
        new String[] {leader, Words.pick(Words.LEADERS, random)},
        new String[] {org, Words.pick(Words.ORGS, random)},
        new String[] {city, Words.pick(Words.CITIES, random), Words.pick(Words.CITIES, random)});
    return new Story(theme, state, other, leader, org, city, date, cast);
  }

  String anyState(SplittableRandom r) {
    return fromCast(cast == null ? null : cast.states(), Words.STATES, r);
  }

  String anyLeader(SplittableRandom r) {
    return fromCast(cast == null ? null : cast.leaders(), Words.LEADERS, r);
  }

  String anyOrg(SplittableRandom r) {
    return fromCast(cast == null ? null : cast.orgs(), Words.ORGS, r);
  }

  String anyCity(SplittableRandom r) {
    return fromCast(cast == null ? null : cast.cities(), Words.CITIES, r);
  }

  private static String fromCast(String[] cast, String[] all, SplittableRandom r) {
    return cast != null && r.nextDouble() < CAST_SHARE ? Words.pick(cast, r) : Words.pick(all, r);
  }
}
