package io.newsflow.enrich.actor;

import java.util.List;
import java.util.Objects;

/**
 * One gazetteer entry.
 *
 * @param id        ISO 3166 alpha-3 for states ({@code KAZ}); {@code org.csto}, {@code person.tokayev}, ... otherwise
 * @param type      STATE, PERSON, ORGANISATION, ALLIANCE, MILITARY, MINISTRY, COMPANY or PROJECT
 * @param name      preferred English name
 * @param wikidata  Wikidata item id ({@code Q232})
 * @param cameo     CAMEO actor code, for states
 * @param country   the state a person, ministry, force or company belongs to, if any
 * @param aliases   names that denote the actor on their own
 * @param adjectival demonyms and adjectives ("Kazakh"): a mention, but flagged as adjectival
 * @param ambiguous names that also mean something else ("Georgia", "Chad"): counted only with context
 * @param context   phrases that make the ambiguous names safe ("Tbilisi", "Caucasus")
 * @param roles     offices held, with time spans, and the phrases that name the office
 */
public record Actor(
    String id,
    String type,
    String name,
    String wikidata,
    String cameo,
    String country,
    List<String> aliases,
    List<String> adjectival,
    List<String> ambiguous,
    List<String> context,
    List<Role> roles) {

  public Actor {
    Objects.requireNonNull(id, "id");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    adjectival = adjectival == null ? List.of() : List.copyOf(adjectival);
    ambiguous = ambiguous == null ? List.of() : List.copyOf(ambiguous);
    context = context == null ? List.of() : List.copyOf(context);
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
