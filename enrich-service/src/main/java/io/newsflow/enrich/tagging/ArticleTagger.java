package io.newsflow.enrich.tagging;

import io.newsflow.enrich.actor.ActorTagger;
import io.newsflow.enrich.actor.Gazetteer;
import io.newsflow.enrich.event.EventExtractor;
import io.newsflow.enrich.tagging.text.PhraseAutomaton;
import io.newsflow.enrich.tagging.text.PhraseMatch;
import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.enrich.theme.Taxonomy;
import io.newsflow.enrich.theme.ThemeClassifier;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.ThemeTag;
import java.nio.CharBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The tagging stage of enrichment: actors from the gazetteer, themes from the taxonomy, and dated
 * events, for one article at a time. Build once (loading compiles the gazetteer and taxonomy into
 * automata) and share: it is immutable and thread-safe.
 */
public final class ArticleTagger {

  private final ActorTagger actors;
  private final ThemeClassifier themes;
  private final EventExtractor events = new EventExtractor();
  /**
   * Groups 0 and 1 the actor tagger's names and context cues, group 2 the theme phrases, group 3 the
   * event extractor's future-tense cues, group 4 the words date expressions turn on: one pass per field.
   */
  private final PhraseAutomaton phrases;

  public ArticleTagger(Gazetteer gazetteer, Taxonomy taxonomy) {
    this.actors = new ActorTagger(gazetteer);
    this.themes = new ThemeClassifier(taxonomy);
    List<List<String>> groups = new ArrayList<>(actors.phraseGroups());
    groups.add(themes.phrases());
    groups.add(EventExtractor.FUTURE_PHRASES);
    groups.add(EventExtractor.DATE_WORD_PREFIXES);
    this.phrases = PhraseAutomaton.buildGroups(groups);
  }

  /**
   * Loads the gazetteer and taxonomy shipped on the classpath.
   *
   * @throws io.newsflow.enrich.actor.GazetteerException when the gazetteer data is invalid
   * @throws io.newsflow.enrich.theme.TaxonomyException  when the taxonomy data is invalid
   */
  public static ArticleTagger loadDefault() {
    return new ArticleTagger(Gazetteer.loadDefault(), Taxonomy.loadDefault());
  }

  /**
   * Tags one article. Never throws on odd text: null title or text count as empty.
   *
   * @param publishedAt resolves partial dates ("on Monday", "last year") and office phrases ("the
   *                    Kazakh president"); when null, the current day is used
   */
  public Tags tag(String title, String text, Instant publishedAt) {
    String t = title == null ? "" : title;
    String body = text == null ? "" : text;
    LocalDate day = LocalDate.ofInstant(publishedAt == null ? Instant.now() : publishedAt, ZoneOffset.UTC);
    String foldedTitle = TextFolder.fold(t);
    char[] foldedChars = TextFolder.foldToChars(body);
    List<List<PhraseMatch>> inTitle = phrases.findAllGrouped(foldedTitle);
    List<List<PhraseMatch>> inText = phrases.findAllGrouped(foldedChars);
    List<ActorTag> actorTags = actors.tag(t, foldedTitle, new ActorTagger.Matches(inTitle.get(0), inTitle.get(1)),
        body, CharBuffer.wrap(foldedChars), new ActorTagger.Matches(inText.get(0), inText.get(1)), day);
    List<ThemeTag> themeTags = themes.classify(t, inTitle.get(2), body, inText.get(2));
    List<DatedEvent> datedEvents = events.extract(body, day, actorTags, themeTags, inText.get(3), inText.get(4));
    return new Tags(actorTags, themeTags, datedEvents, actors.gazetteerVersion(), themes.taxonomyVersion());
  }
}
