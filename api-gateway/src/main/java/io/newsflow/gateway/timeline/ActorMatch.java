package io.newsflow.gateway.timeline;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One answer of the actor search, as store-service gives it and the gateway passes it on unchanged
 * (the gateway forwards bytes; this record only documents the shape in the OpenAPI document).
 *
 * @param actorId      gazetteer id, for example {@code person.tokayev} or {@code KAZ}
 * @param name         the actor's display name
 * @param type         STATE, PERSON, ORGANISATION, ALLIANCE, ...
 * @param articleCount articles tagged with the actor
 */
@Schema(name = "ActorMatch", description = "An actor whose name or an alias matches the search")
record ActorMatch(String actorId, String name, String type, long articleCount) {}
