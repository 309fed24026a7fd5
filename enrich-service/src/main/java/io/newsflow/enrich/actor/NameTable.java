package io.newsflow.enrich.actor;

import io.newsflow.enrich.tagging.text.TextFolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every gazetteer phrase, folded, with what it names and how its case must look. */
final class NameTable {

  enum Kind { ALIAS, ADJECTIVAL, AMBIGUOUS, ROLE, STOP }

  /**
   * Case the text must show. Matching is case-folded, but "US" is not "us" and "Trump" is not
   * "trump": acronyms must be upper case in the text and capitalised names must start with a capital.
   */
  enum CaseRule { ANY, CAPITALISED, UPPER }

  record Target(String actorId, Kind kind, Role role) {}

  private final List<String> phrases;
  private final List<List<Target>> targets;
  private final List<CaseRule> caseRules;

  private NameTable(List<String> phrases, List<List<Target>> targets, List<CaseRule> caseRules) {
    this.phrases = phrases;
    this.targets = targets;
    this.caseRules = caseRules;
  }

  static NameTable build(Gazetteer gazetteer) {
    Map<String, List<Target>> byPhrase = new LinkedHashMap<>();
    Map<String, CaseRule> rules = new LinkedHashMap<>();
    for (Actor a : gazetteer.actors().values()) {
      add(byPhrase, rules, a.aliases(), new Target(a.id(), Kind.ALIAS, null));
      add(byPhrase, rules, a.adjectival(), new Target(a.id(), Kind.ADJECTIVAL, null));
      add(byPhrase, rules, a.ambiguous(), new Target(a.id(), Kind.AMBIGUOUS, null));
      for (Role role : a.roles()) {
        add(byPhrase, rules, role.phrases(), new Target(a.id(), Kind.ROLE, role));
      }
    }
    add(byPhrase, rules, gazetteer.stopPhrases(), new Target(null, Kind.STOP, null));
    return new NameTable(List.copyOf(byPhrase.keySet()),
        new ArrayList<>(byPhrase.values()), new ArrayList<>(rules.values()));
  }

  private static void add(Map<String, List<Target>> byPhrase, Map<String, CaseRule> rules, List<String> phrases,
                          Target target) {
    for (String phrase : phrases) {
      String folded = TextFolder.fold(phrase.strip());
      List<Target> list = byPhrase.computeIfAbsent(folded, k -> new ArrayList<>());
      if (!list.contains(target)) {
        list.add(target);
      }
      // two spellings of one folded phrase: the looser case rule wins ("Foreign Ministry", "foreign ministry")
      rules.merge(folded, caseRuleOf(phrase.strip()), (x, y) -> x.compareTo(y) <= 0 ? x : y);
    }
  }

  static CaseRule caseRuleOf(String phrase) {
    int letters = 0;
    boolean allUpper = true;
    for (int i = 0; i < phrase.length(); i++) {
      char c = phrase.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        allUpper &= Character.isUpperCase(c);
      }
    }
    if (letters >= 2 && allUpper) {
      return CaseRule.UPPER;
    }
    return letters > 0 && Character.isUpperCase(phrase.charAt(0)) ? CaseRule.CAPITALISED : CaseRule.ANY;
  }

  /** Whether the original text of a match shows the case its phrase asks for. */
  boolean caseFits(int phraseId, String original, int start, int end) {
    return switch (caseRules.get(phraseId)) {
      case ANY -> true;
      case CAPITALISED -> !Character.isLowerCase(original.charAt(start));
      case UPPER -> {
        for (int i = start; i < end; i++) {
          if (Character.isLowerCase(original.charAt(i))) {
            yield false;
          }
        }
        yield true;
      }
    };
  }

  /** Folded phrases; a match's phrase id is its index here. */
  List<String> phrases() {
    return phrases;
  }

  List<Target> targets(int phraseId) {
    return targets.get(phraseId);
  }
}
