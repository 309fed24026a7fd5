package io.newsflow.gateway.timeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.newsflow.gateway.backend.Backend;
import io.newsflow.gateway.backend.BackendAnswers;
import io.newsflow.gateway.http.InvalidParameterException;
import io.newsflow.gateway.http.QueryString;
import io.newsflow.gateway.http.Validate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Public read API over store-service's catalogue and statistics: actors, themes, volume, co-occurrence. */
@Controller("/api/v1")
@Tag(name = "catalogue")
final class CatalogueController {

  private final BackendAnswers backend;

  CatalogueController(BackendAnswers backend) {
    this.backend = backend;
  }

  @Operation(summary = "Search actors by name or alias",
      description = "Type-ahead for actor pickers: q is a name or alias fragment in any script (Tokaev, Токаев, "
          + "ОДКБ); limit 1-50. Answers are cached like every read, refreshed when new articles arrive.")
  @ApiResponse(responseCode = "200", description = "Matching actors, best first",
      content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = ActorMatch.class))))
  @Get("/actors")
  CompletableFuture<MutableHttpResponse<?>> searchActors(
      HttpRequest<?> request, @QueryValue @Nullable String q, @QueryValue @Nullable String limit) {
    String name = Validate.text("q", q, 100);
    if (name == null) {
      throw new InvalidParameterException("q", "required: a name or alias to search for");
    }
    QueryString query = new QueryString().add("q", name).add("limit", Validate.limit(limit, 50));
    return backend.read(request, Backend.STORE, "/internal/v1/actors" + query);
  }

  @Operation(summary = "One actor with its article count")
  @Get("/actors/{id}")
  CompletableFuture<MutableHttpResponse<?>> actor(HttpRequest<?> request, @PathVariable String id) {
    String actorId = Validate.tagIds("id", List.of(id)).stream().findFirst()
        .orElseThrow(() -> new InvalidParameterException("id", "required"));
    return backend.read(request, Backend.STORE, "/internal/v1/actors/" + actorId);
  }

  @Operation(summary = "Every theme with its article count")
  @Get("/themes")
  CompletableFuture<MutableHttpResponse<?>> themes(HttpRequest<?> request) {
    return backend.read(request, Backend.STORE, "/internal/v1/themes");
  }

  @Operation(summary = "Articles per day or week, by actor or theme")
  @Get("/stats/volume")
  CompletableFuture<MutableHttpResponse<?>> volume(
      HttpRequest<?> request,
      @QueryValue @Nullable String dimension,
      @QueryValue @Nullable List<String> key,
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String interval) {
    String dim = Validate.oneOf("dimension", dimension, List.of("actor", "theme"));
    if (dim == null) {
      throw new InvalidParameterException("dimension", "required: actor or theme");
    }
    List<String> keys = Validate.tagIds("key", key);
    if (keys.isEmpty()) {
      throw new InvalidParameterException("key", "required: at least one actor or theme id");
    }
    String[] range = Validate.range(from, to, true);
    QueryString query = new QueryString()
        .add("dimension", dim)
        .addAll("key", keys)
        .add("from", range[0])
        .add("to", range[1])
        .add("interval", Validate.oneOf("interval", interval, List.of("day", "week")));
    return backend.read(request, Backend.STORE, "/internal/v1/stats/volume" + query);
  }

  @Operation(summary = "Actors that appear together, with the themes they share")
  @Get("/stats/cooccurrence")
  CompletableFuture<MutableHttpResponse<?>> cooccurrence(
      HttpRequest<?> request,
      @QueryValue @Nullable String actor,
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String limit) {
    String[] range = Validate.range(from, to, true);
    QueryString query = new QueryString()
        .add("actor", Validate.atMostOne("actor", Validate.tagIds("actor", actor == null ? null : List.of(actor))))
        .add("from", range[0])
        .add("to", range[1])
        .add("limit", Validate.limit(limit, 200));
    return backend.read(request, Backend.STORE, "/internal/v1/stats/cooccurrence" + query);
  }
}
