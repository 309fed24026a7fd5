package io.newsflow.enrich.actor;

import io.newsflow.enrich.actor.MentionFinder.Mention;
import io.newsflow.enrich.tagging.text.PhraseAutomaton;
import io.newsflow.enrich.tagging.text.PhraseMatch;
import io.newsflow.enrich.tagging.text.TextFolder;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds gazetteer actors in an article: one Aho–Corasick pass per field over every name, then
 * leftmost-longest selection (so "Kazakh Foreign Ministry" wins over "Kazakh"), office phrases
 * resolved by date, and ambiguous names kept only when the article gives context. Thread-safe.
 */
public final class ActorTagger {

  private final Gazetteer gazetteer;
  private final NameTable names;
  private final MentionFinder finder;
  private final List<String> contextPhrases;
  private final List<Set<String>> contextOwners; // context phrase id -> actors it disambiguates
  private final PhraseAutomaton automaton;       // group 0 names, group 1 context cues

  /** The phrase matches of one field: group 0 of {@link #phraseGroups()} and group 1. */
  public record Matches(List<PhraseMatch> names, List<PhraseMatch> context) {}

  public ActorTagger(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.names = NameTable.build(gazetteer);
    this.finder = new MentionFinder(names, gazetteer.actors());
    Map<String, Set<String>> owners = new LinkedHashMap<>();
    for (Actor a : gazetteer.actors().values()) {
      for (String cue : a.context()) {
        owners.computeIfAbsent(TextFolder.fold(cue), k -> new HashSet<>()).add(a.id());
      }
    }
    this.contextPhrases = List.copyOf(owners.keySet());
    this.contextOwners = new ArrayList<>(owners.values());
    this.automaton = PhraseAutomaton.buildGroups(phraseGroups());
  }

  /**
   * The folded phrases this tagger looks for, names then context cues, so a caller that searches a
   * text for other phrases too can find them all in one pass and hand the matches to
   * {@link #tag(String, String, Matches, String, String, Matches, LocalDate)}.
   */
  public List<List<String>> phraseGroups() {
    return List.of(names.phrases(), contextPhrases);
  }

  public String gazetteerVersion() {
    return gazetteer.version();
  }

  /**
   * @param day the publication day, to resolve office phrases ("the Kazakh president")
   * @return actors, most salient first
   */
  public List<ActorTag> tag(String title, String foldedTitle, String text, String foldedText, LocalDate day) {
    List<List<PhraseMatch>> inTitle = automaton.findAllGrouped(foldedTitle);
    List<List<PhraseMatch>> inText = automaton.findAllGrouped(foldedText);
    return tag(title, foldedTitle, new Matches(inTitle.get(0), inTitle.get(1)),
        text, foldedText, new Matches(inText.get(0), inText.get(1)), day);
  }

  /**
   * {@link #tag(String, String, String, String, LocalDate)} with the phrase matches already found; the
   * folded text may be a view of an array (no 5 KB copy into a String only to read a few characters).
   */
  public List<ActorTag> tag(String title, String foldedTitle, Matches titleMatches, String text, CharSequence foldedText,
                            Matches textMatches, LocalDate day) {
    List<Mention> mentions = new ArrayList<>();
    finder.find("title", title, foldedTitle, titleMatches.names(), day, mentions);
    finder.find("text", text, foldedText, textMatches.names(), day, mentions);
    Set<String> withContext = new HashSet<>();
    for (Matches matches : List.of(titleMatches, textMatches)) {
      for (PhraseMatch m : matches.context()) {
        withContext.addAll(contextOwners.get(m.phraseId()));
      }
    }
    Set<String> surelyNamed = new HashSet<>();
    for (Mention m : mentions) {
      if (!m.ambiguous()) {
        surelyNamed.add(m.actorId());
      }
    }
    Map<String, List<Mention>> byActor = new LinkedHashMap<>();
    for (Mention m : mentions) {
      if (m.ambiguous() && !m.listedWithState() && !surelyNamed.contains(m.actorId())
          && !withContext.contains(m.actorId())) {
        continue; // "Georgia" with nothing Caucasian around it: leave it out rather than guess
      }
      byActor.computeIfAbsent(m.actorId(), k -> new ArrayList<>()).add(m);
    }
    List<ActorTag> tags = new ArrayList<>();
    for (Map.Entry<String, List<Mention>> e : byActor.entrySet()) {
      tags.add(toTag(gazetteer.actors().get(e.getKey()), e.getValue(), text.length()));
    }
    tags.sort(Comparator.comparingDouble(ActorTag::salience).reversed().thenComparing(ActorTag::actorId));
    return tags;
  }

  private static ActorTag toTag(Actor actor, List<Mention> mentions, int textLength) {
    boolean inTitle = false;
    boolean adjectivalOnly = true;
    int firstOffset = -1;
    List<Span> spans = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      spans.add(m.span());
      inTitle |= m.span().field().equals("title");
      adjectivalOnly &= m.adjectival();
      if (firstOffset < 0 && m.span().field().equals("text")) {
        firstOffset = m.span().start();
      }
    }
    double salience = Salience.of(mentions.size(), inTitle, firstOffset, textLength, adjectivalOnly);
    return new ActorTag(actor.id(), actor.name(), actor.type(), mentions.size(), firstOffset, inTitle,
        adjectivalOnly, salience, spans);
  }

}
