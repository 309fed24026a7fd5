package io.newsflow.enrich.event;

import io.newsflow.enrich.tagging.text.PhraseAutomaton;
import io.newsflow.enrich.tagging.text.PhraseMatch;
import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the date expressions of an article's text into dated events: each with its sentence and the
 * actors and themes whose mentions or evidence fall in that sentence. Thread-safe.
 */
public final class EventExtractor {

  /**
   * Words that make a sentence speak of the future, so "in May" means the next May. Matched as whole
   * words in one pass over the folded text (a case-insensitive regular expression run per sentence
   * cost more than the rest of event extraction).
   */
  public static final List<String> FUTURE_PHRASES = List.of(
      "will", "would", "shall", "is due", "are due", "is scheduled", "are scheduled", "scheduled for",
      "is expected", "are expected", "plans to", "plan to", "planned for", "is planned", "are planned",
      "upcoming", "is set to", "are set to", "to be held",
      // Russian, folded (ё as е): the future forms and words that announce plans
      "будет", "будут", "состоится", "состоятся", "пройдет", "пройдут", "проведет", "проведут", "начнется",
      "начнутся", "запланирован*", "планируется", "планируются", "намерен", "намерена", "намерены",
      "предстоит", "предстоят", "ожидается", "ожидаются");
  private static final PhraseAutomaton FUTURE = PhraseAutomaton.build(FUTURE_PHRASES);

  /**
   * Folded prefixes of the words a date expression turns on (numbers, month and weekday names,
   * "last", "вчера", ...), as automaton prefix phrases: the tagger finds them in its one pass.
   */
  public static final List<String> DATE_WORD_PREFIXES = DateAnchors.ANCHOR_PREFIXES;

  private final DateExpressionParser parser = new DateExpressionParser();

  /**
   * @param published the publication day partial dates are resolved against
   * @param actors    actor tags with their spans (only {@code text} spans are used)
   * @param themes    theme tags with their evidence spans (only {@code text} spans are used)
   * @return events in text order
   */
  public List<DatedEvent> extract(String text, LocalDate published, List<ActorTag> actors, List<ThemeTag> themes) {
    return extract(text, published, actors, themes, new FutureWords(text, null), null);
  }

  /**
   * As {@link #extract(String, LocalDate, List, List)}, with the matches of {@link #FUTURE_PHRASES} in
   * the folded text already found (the tagger's one automaton pass finds them with everything else).
   */
  public List<DatedEvent> extract(String text, LocalDate published, List<ActorTag> actors, List<ThemeTag> themes,
      List<PhraseMatch> futurePhrases) {
    return extract(text, published, actors, themes, new FutureWords(text, futurePhrases), null);
  }

  /**
   * As {@link #extract(String, LocalDate, List, List, List)}, with the matches of {@link #DATE_WORD_PREFIXES}
   * in the folded text also already found: the date rules then look only at those words.
   */
  public List<DatedEvent> extract(String text, LocalDate published, List<ActorTag> actors, List<ThemeTag> themes,
      List<PhraseMatch> futurePhrases, List<PhraseMatch> dateWords) {
    return extract(text, published, actors, themes, new FutureWords(text, futurePhrases),
        DateAnchors.candidateStarts(text, dateWords));
  }

  private List<DatedEvent> extract(String text, LocalDate published, List<ActorTag> actors, List<ThemeTag> themes,
      FutureWords future, List<Integer> candidateStarts) {
    List<int[]> sentences = SentenceSplitter.split(text);
    List<Integer> starts = candidateStarts != null ? candidateStarts : DateAnchors.candidateStarts(text, 0, text.length());
    List<DateExpression> dates = parser.parseAt(text, starts, published,
        offset -> future.within(sentenceAt(sentences, offset)),
        offset -> {
          int[] sentence = sentenceAt(sentences, offset);
          return PastTense.within(text, sentence[0], sentence[1]);
        });
    List<DatedEvent> events = new ArrayList<>(dates.size());
    for (DateExpression d : dates) {
      int[] sentence = sentenceAt(sentences, d.start());
      if (NonEventDates.isNotAnEvent(text, d, sentence)) {
        continue;
      }
      if (FutureWeekday.isOnWeekday(d) && future.governs(sentence, d.start())) {
        d = FutureWeekday.ahead(d, published);
      }
      int from = Math.min(sentence[0], d.start());
      int to = Math.max(sentence[1], d.end());
      events.add(new DatedEvent(d.first(), d.last(), d.precision(), d.text(), text.substring(from, to), d.start(),
          actorsWithin(actors, from, to), themesWithin(themes, from, to)));
    }
    return events;
  }

  /** Where the text speaks of the future, found on first use. */
  private static final class FutureWords {
    private final String text;
    private List<PhraseMatch> found;

    /** @param found the matches if already known, else null: then one scan of the text, only if a partial date asks */
    FutureWords(String text, List<PhraseMatch> found) {
      this.text = text;
      this.found = found;
    }

    boolean within(int[] sentence) {
      if (found == null) {
        found = FUTURE.findAll(TextFolder.fold(text));
      }
      for (PhraseMatch m : found) {
        if (m.start() >= sentence[0] && m.end() <= sentence[1] && !pastConditional(m)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether the future speaks of the words at {@code offset}: a future cue before them with no past-tense verb
     * between ("will meet the envoy on Friday", not "will resume, officials said on Monday"), or, for words that
     * open the sentence, a cue after them in a sentence without one ("On Friday, the ministry will announce").
     */
    boolean governs(int[] sentence, int offset) {
      if (found == null) {
        found = FUTURE.findAll(TextFolder.fold(text));
      }
      int cueBefore = -1;
      boolean cueAfter = false;
      for (PhraseMatch m : found) {
        if (m.start() < sentence[0] || m.end() > sentence[1] || pastConditional(m)) {
          continue;
        }
        if (m.end() <= offset) {
          cueBefore = Math.max(cueBefore, m.end());
        } else {
          cueAfter = true;
        }
      }
      if (cueBefore >= 0) {
        return !PastTense.withinActive(text, cueBefore, offset);
      }
      return cueAfter && offset <= sentence[0] && !PastTense.withinActive(text, sentence[0], sentence[1]);
    }

    /** "would have meant", "would have objected": what did not happen, in the past. */
    private boolean pastConditional(PhraseMatch m) {
      return FUTURE_PHRASES.get(m.phraseId()).equals("would") && text.regionMatches(true, m.end(), " have ", 0, 6);
    }
  }

  private static int[] sentenceAt(List<int[]> sentences, int offset) {
    for (int[] s : sentences) {
      if (offset < s[1]) {
        return s;
      }
    }
    return sentences.isEmpty() ? new int[] {offset, offset} : sentences.get(sentences.size() - 1);
  }

  private static List<String> actorsWithin(List<ActorTag> actors, int from, int to) {
    List<String> ids = new ArrayList<>(2);
    for (ActorTag a : actors) {
      if (anyWithin(a.spans(), from, to)) {
        ids.add(a.actorId()); // tags have distinct ids: no set needed
      }
    }
    return ids.isEmpty() ? List.of() : List.copyOf(ids);
  }

  private static List<String> themesWithin(List<ThemeTag> themes, int from, int to) {
    List<String> ids = new ArrayList<>(2);
    for (ThemeTag t : themes) {
      if (anyWithin(t.evidence(), from, to)) {
        ids.add(t.themeId());
      }
    }
    return ids.isEmpty() ? List.of() : List.copyOf(ids);
  }

  private static boolean anyWithin(List<Span> spans, int from, int to) {
    for (int i = 0, n = spans.size(); i < n; i++) {
      Span span = spans.get(i);
      // cheap offset test first: most spans are elsewhere in the text
      if (span.start() >= from && span.end() <= to && "text".equals(span.field())) {
        return true;
      }
    }
    return false;
  }
}
