package io.newsflow.model.article;

import java.util.List;

/**
 * An actor (state, leader, organisation, ...) mentioned by an article.
 *
 * @param actorId       gazetteer id, for example {@code KAZ} or {@code org.csto}
 * @param name          preferred name
 * @param type          gazetteer type: STATE, PERSON, ORGANISATION, ALLIANCE, MILITARY, COMPANY, PROJECT, ...
 * @param mentions      number of mentions in title and text
 * @param firstOffset   offset of the first mention in the text, -1 if only in the title
 * @param inTitle       whether the title mentions it
 * @param adjectivalOnly true when every mention is a demonym or adjective ("Kazakh", "Russian")
 * @param salience      0..1, how central the actor is to the article
 * @param spans         every mention, with offsets
 */
public record ActorTag(
    String actorId,
    String name,
    String type,
    int mentions,
    int firstOffset,
    boolean inTitle,
    boolean adjectivalOnly,
    double salience,
    List<Span> spans) {

  public ActorTag {
    spans = spans == null ? List.of() : List.copyOf(spans);
  }
}
