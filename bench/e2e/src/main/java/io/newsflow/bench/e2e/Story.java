package io.newsflow.bench.e2e;

import java.util.SplittableRandom;

/** What one generated article is about: a theme, the actors involved, a place and a date. */
record Story(Theme theme, String state, String otherState, String leader, String org, String city, String date) {

  /** A theme with the phrases a reporter would use for it; the enrich taxonomy is expected to recognise them. */
  record Theme(String name, String[] events, String[] details) {}

  static Story pick(SplittableRandom random) {
    Theme theme = Sentences.THEMES[random.nextInt(Sentences.THEMES.length)];
    String state = random.nextInt(10) < 6 ? "Kazakhstan" : Words.pick(Words.STATES, random);
    String other;
    do {
      other = Words.pick(Words.STATES, random);
    } while (other.equals(state));
    String date = (1 + random.nextInt(28)) + " " + Words.pick(Words.MONTHS, random) + " " + (2019 + random.nextInt(8));
    return new Story(theme, state, other, Words.pick(Words.LEADERS, random), Words.pick(Words.ORGS, random),
        Words.pick(Words.CITIES, random), date);
  }
}
