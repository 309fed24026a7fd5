package io.newsflow.enrich.actor;

import io.newsflow.enrich.tagging.text.PhraseAutomaton;
import io.newsflow.enrich.tagging.text.PhraseMatch;
import io.newsflow.model.article.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Finds the actor mentions of one field; the rules of which match wins live here. */
final class MentionFinder {

  /** A coordination between two names: "Azerbaijan, Georgia and Turkey". */
  private static final Pattern LIST_GAP = Pattern.compile("\\s*(,|,?\\s+and|,?\\s+or|-|\u2013|/)\\s*");
  /** "former Russian president Medvedev": the office phrase does not name the current holder. */
  private static final Pattern PAST_HOLDER = Pattern.compile("(?:former|ex-|then-|then|late|previous)\\s*$");

  record Mention(String actorId, Span span, boolean adjectival, boolean ambiguous, boolean listedWithState) {}

  private final NameTable names;
  private final Map<String, Actor> actors;

  MentionFinder(NameTable names, Map<String, Actor> actors) {
    this.names = names;
    this.actors = actors;
  }

  /** @param matches the matches of {@link NameTable#phrases()} in {@code folded} */
  void find(String field, String original, CharSequence folded, List<PhraseMatch> matches, LocalDate day,
            List<Mention> out) {
    List<PhraseMatch> all = new ArrayList<>();
    for (PhraseMatch m : matches) {
      if (names.caseFits(m.phraseId(), original, m.start(), m.end())) {
        all.add(m);
      }
    }
    List<PhraseMatch> chosen = PhraseAutomaton.leftmostLongest(all);
    int firstOut = out.size();
    for (int i = 0; i < chosen.size(); i++) {
      PhraseMatch m = chosen.get(i);
      Span span = span(field, original, m);
      String owner = null;
      boolean office = false;
      for (NameTable.Target t : names.targets(m.phraseId())) {
        switch (t.kind()) {
          case ALIAS, ADJECTIVAL, AMBIGUOUS -> {
            out.add(new Mention(t.actorId(), span, t.kind() == NameTable.Kind.ADJECTIVAL,
                t.kind() == NameTable.Kind.AMBIGUOUS, false));
            owner = t.actorId();
          }
          case ROLE -> office = true;
          default -> { }
        }
      }
      if (office) {
        PhraseMatch next = i + 1 < chosen.size() ? chosen.get(i + 1) : null;
        if (!namedRightAfter(original, m, next)) {
          resolveOffice(m, span, folded, day, out);
        }
        // "UN Secretary-General", "Kazakh President": the office phrase names its state or organisation too
        addNested(field, original, m, all, null, out);
      } else if (owner != null && actors.get(owner).country() != null) {
        addNested(field, original, m, all, actors.get(owner).country(), out);
      }
    }
    markListedStates(original, out.subList(firstOut, out.size()));
  }

  /** An office phrase names whoever held the office that day, unless the text says "former". */
  private void resolveOffice(PhraseMatch m, Span span, CharSequence folded, LocalDate day, List<Mention> out) {
    String holder = null;
    int holders = 0;
    for (NameTable.Target t : names.targets(m.phraseId())) {
      if (t.kind() == NameTable.Kind.ROLE) {
        if (t.role().heldOn(day) && !t.actorId().equals(holder)) {
          holders++;
          holder = t.actorId();
        }
      }
    }
    boolean pastHolder = PAST_HOLDER.matcher(folded.subSequence(Math.max(0, m.start() - 12), m.start())).find();
    if (holders == 1 && !pastHolder) {
      out.add(new Mention(holder, span, false, false, false));
    }
  }

  /**
   * "Defence Minister Ruslan Zhaksylykov": a name right after the office says who held it, which
   * beats the gazetteer's dates (articles about the past, or data not yet updated).
   */
  private boolean namedRightAfter(String original, PhraseMatch office, PhraseMatch next) {
    if (next == null || next.start() - office.end() > 2 || !original.substring(office.end(), next.start()).isBlank()) {
      return false;
    }
    for (NameTable.Target t : names.targets(next.phraseId())) {
      if (t.kind() == NameTable.Kind.ALIAS && "PERSON".equals(actors.get(t.actorId()).type())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Names inside a chosen name: "Kazakh Defence Ministry" also names Kazakhstan (only the owner's
   * own state counts, so "Central Asia-China gas pipeline" does not name China); an office phrase
   * keeps every name inside it ({@code onlyActor} null).
   */
  private void addNested(String field, String original, PhraseMatch outer, List<PhraseMatch> all,
                         String onlyActor, List<Mention> out) {
    List<PhraseMatch> inner = new ArrayList<>();
    for (PhraseMatch m : all) {
      if (m.start() >= outer.start() && m.end() <= outer.end() && m.length() < outer.length()) {
        inner.add(m);
      }
    }
    for (PhraseMatch m : PhraseAutomaton.leftmostLongest(inner)) {
      for (NameTable.Target t : names.targets(m.phraseId())) {
        boolean name = t.kind() == NameTable.Kind.ALIAS || t.kind() == NameTable.Kind.ADJECTIVAL
            || t.kind() == NameTable.Kind.AMBIGUOUS;
        if (name && (onlyActor == null || onlyActor.equals(t.actorId()))) {
          out.add(new Mention(t.actorId(), span(field, original, m), t.kind() == NameTable.Kind.ADJECTIVAL,
              t.kind() == NameTable.Kind.AMBIGUOUS, false));
        }
      }
    }
  }

  /** An ambiguous state name coordinated with a sure one ("Azerbaijan, Georgia and Turkey") is a state. */
  private void markListedStates(String original, List<Mention> mentions) {
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      if (!m.ambiguous() || !"STATE".equals(actors.get(m.actorId()).type())) {
        continue;
      }
      if (listedWith(original, mentions, i, i - 1) || listedWith(original, mentions, i, i + 1)) {
        mentions.set(i, new Mention(m.actorId(), m.span(), m.adjectival(), true, true));
      }
    }
  }

  private boolean listedWith(String original, List<Mention> mentions, int i, int j) {
    if (j < 0 || j >= mentions.size()) {
      return false;
    }
    Mention other = mentions.get(j);
    if (!"STATE".equals(actors.get(other.actorId()).type()) || other.adjectival()) {
      return false;
    }
    Span a = mentions.get(Math.min(i, j)).span();
    Span b = mentions.get(Math.max(i, j)).span();
    if (a.end() > b.start()) {
      return false;
    }
    return LIST_GAP.matcher(original.substring(a.end(), b.start())).matches();
  }

  private static Span span(String field, String original, PhraseMatch m) {
    return new Span(field, m.start(), m.end(), original.substring(m.start(), m.end()));
  }
}
