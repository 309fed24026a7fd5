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
import io.newsflow.gateway.http.QueryString;
import io.newsflow.gateway.http.Validate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Public read API over store-service: article and event timelines, articles, stories. Thin: it
 * validates every parameter, then forwards to the internal endpoint of the same name.
 */
@Controller("/api/v1")
@Tag(name = "timeline")
final class TimelineController {

  static final int MAX_LIMIT = 200;
  private final BackendAnswers backend;

  TimelineController(BackendAnswers backend) {
    this.backend = backend;
  }

  @Operation(summary = "Article timeline, newest first",
      description = "Filter by actors (any or all), themes (any), source feed, language, words in the title and a "
          + "date range (from inclusive, to exclusive; ISO-8601 dates or instants). Page with nextCursor.")
  @Get("/timeline")
  CompletableFuture<MutableHttpResponse<?>> timeline(
      HttpRequest<?> request,
      @QueryValue @Nullable List<String> actor,
      @QueryValue @Nullable String actorMode,
      @QueryValue @Nullable List<String> theme,
      @QueryValue @Nullable String source,
      @QueryValue @Nullable String language,
      @QueryValue @Nullable String q,
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String limit,
      @QueryValue @Nullable String cursor,
      @QueryValue @Nullable String includeDuplicates) {
    String[] range = Validate.range(from, to, false);
    // Sorted: the order of actors and themes means nothing to store-service, and one order makes
    // equivalent requests one key of the read cache.
    QueryString query = new QueryString()
        .addAll("actor", Validate.tagIds("actor", actor).stream().sorted().toList())
        .add("actorMode", Validate.oneOf("actorMode", actorMode, List.of("any", "all")))
        .addAll("theme", Validate.tagIds("theme", theme).stream().sorted().toList())
        .add("source", Validate.optionalResourceId("source", source))
        .add("language", Validate.language(language))
        .add("q", Validate.text("q", q, 200))
        .add("from", range[0])
        .add("to", range[1])
        .add("limit", Validate.limit(limit, MAX_LIMIT))
        .add("cursor", Validate.cursor(cursor))
        .add("includeDuplicates", Validate.flag("includeDuplicates", includeDuplicates));
    return backend.read(request, Backend.STORE, "/internal/v1/timeline" + query);
  }

  @Operation(summary = "Dated-event timeline, by event date, newest first",
      description = "One actor and one theme at most; from and to are dates (to exclusive).")
  @Get("/events")
  CompletableFuture<MutableHttpResponse<?>> events(
      HttpRequest<?> request,
      @QueryValue @Nullable List<String> actor,
      @QueryValue @Nullable List<String> theme,
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable String limit,
      @QueryValue @Nullable String cursor) {
    String[] range = Validate.range(from, to, true);
    QueryString query = new QueryString()
        .add("actor", Validate.atMostOne("actor", Validate.tagIds("actor", actor)))
        .add("theme", Validate.atMostOne("theme", Validate.tagIds("theme", theme)))
        .add("from", range[0])
        .add("to", range[1])
        .add("limit", Validate.limit(limit, MAX_LIMIT))
        .add("cursor", Validate.cursor(cursor));
    return backend.read(request, Backend.STORE, "/internal/v1/events" + query);
  }

  @Operation(summary = "One article with all its tags, events and duplicates")
  @Get("/articles/{id}")
  CompletableFuture<MutableHttpResponse<?>> article(HttpRequest<?> request, @PathVariable String id) {
    return backend.read(request, Backend.STORE, "/internal/v1/articles/" + Validate.resourceId("id", id));
  }

  @Operation(summary = "One story: the articles clustered as reporting the same thing")
  @Get("/stories/{id}")
  CompletableFuture<MutableHttpResponse<?>> story(HttpRequest<?> request, @PathVariable String id) {
    return backend.read(request, Backend.STORE, "/internal/v1/stories/" + Validate.resourceId("id", id));
  }
}
