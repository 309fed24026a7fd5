package io.newsflow.gateway.feeds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.newsflow.gateway.backend.Backend;
import io.newsflow.gateway.backend.BackendAnswers;
import io.newsflow.gateway.backend.BackendClient;
import io.newsflow.gateway.backend.BackendResponse;
import io.newsflow.gateway.http.InvalidParameterException;
import io.newsflow.gateway.http.Validate;
import io.newsflow.model.json.EventJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Operator API over ingest-service's feed registry. Every route needs the operator role (see security). */
@Controller("/api/v1/feeds")
@Tag(name = "feeds")
@SecurityRequirement(name = "apiKey")
final class FeedsController {

  private final BackendAnswers answers;
  private final BackendClient client;

  FeedsController(BackendAnswers answers, BackendClient client) {
    this.answers = answers;
    this.client = client;
  }

  @Operation(summary = "Register a feed",
      description = "Body {url, title?, tags?, language?, timeZone?, minPollInterval?, maxPollInterval?}. "
          + "201 with the feed when new, 200 when it was already registered.")
  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  CompletableFuture<MutableHttpResponse<?>> register(@Body byte[] body) {
    return answers.call(Backend.INGEST, "POST", "/internal/v1/feeds", FeedRegistration.validate(body));
  }

  @Operation(summary = "Register every feed of an OPML document",
      description = "Answers 200 with one result per feed: its URL, the status ingest-service gave and the feed or problem.")
  @Post("/opml")
  @Consumes({"text/x-opml", MediaType.APPLICATION_XML, MediaType.TEXT_XML})
  CompletableFuture<MutableHttpResponse<?>> importOpml(@Body byte[] body) {
    List<OpmlReader.Subscription> feeds = OpmlReader.read(body);
    ArrayNode results = EventJson.mapper().createArrayNode();
    // One at a time: an import is rare, and ingest-service should not see hundreds of parallel registrations.
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (OpmlReader.Subscription feed : feeds) {
      chain = chain.thenCompose(ignored -> registerOne(feed).thenAccept(results::add));
    }
    return chain.thenApply(done -> {
      ObjectNode out = EventJson.mapper().createObjectNode();
      out.set("results", results);
      return HttpResponse.<byte[]>ok(EventJson.toBytes(out)).contentType(MediaType.APPLICATION_JSON_TYPE);
    });
  }

  private CompletableFuture<ObjectNode> registerOne(OpmlReader.Subscription feed) {
    ObjectNode result = EventJson.mapper().createObjectNode().put("url", feed.url());
    byte[] body;
    try {
      ObjectNode request = EventJson.mapper().createObjectNode().put("url", feed.url());
      if (!feed.title().isEmpty()) {
        request.put("title", feed.title().length() > 300 ? feed.title().substring(0, 300) : feed.title());
      }
      body = FeedRegistration.validate(EventJson.toBytes(request));
    } catch (InvalidParameterException e) {
      return CompletableFuture.completedFuture(result.put("status", 400).put("error", e.problem().detail()));
    }
    return client.send(Backend.INGEST, "POST", "/internal/v1/feeds", body).handle((BackendResponse r, Throwable e) -> {
      if (e != null) {
        return result.put("status", HttpStatus.SERVICE_UNAVAILABLE.getCode()).put("error", "ingest-service unavailable");
      }
      result.put("status", r.status());
      try {
        result.set(r.isSuccess() ? "feed" : "problem", EventJson.mapper().readTree(r.body()));
      } catch (java.io.IOException | RuntimeException unreadable) {
        result.put("error", "unreadable answer from ingest-service");
      }
      return result;
    });
  }

  @Operation(summary = "Every feed that is not removed, with its health")
  @Get
  CompletableFuture<MutableHttpResponse<?>> list() {
    return answers.call(Backend.INGEST, "GET", "/internal/v1/feeds", null);
  }

  @Operation(summary = "One feed with its health")
  @Get("/{feedId}")
  CompletableFuture<MutableHttpResponse<?>> one(@PathVariable String feedId) {
    return answers.call(Backend.INGEST, "GET", "/internal/v1/feeds/" + Validate.resourceId("feedId", feedId), null);
  }

  @Operation(summary = "Change a feed's settings",
      description = "Body with any of {title, tags, language, timeZone, minPollInterval, maxPollInterval}; the URL never changes.")
  @Patch("/{feedId}")
  @Consumes(MediaType.APPLICATION_JSON)
  CompletableFuture<MutableHttpResponse<?>> update(@PathVariable String feedId, @Body byte[] body) {
    return answers.call(Backend.INGEST, "PATCH", "/internal/v1/feeds/" + Validate.resourceId("feedId", feedId),
        FeedRegistration.validateUpdate(body));
  }

  @Operation(summary = "Stop polling a feed")
  @Post("/{feedId}/pause")
  CompletableFuture<MutableHttpResponse<?>> pause(@PathVariable String feedId) {
    return change(feedId, "/pause");
  }

  @Operation(summary = "Poll a paused feed again")
  @Post("/{feedId}/resume")
  CompletableFuture<MutableHttpResponse<?>> resume(@PathVariable String feedId) {
    return change(feedId, "/resume");
  }

  @Operation(summary = "Poll a feed now, ignoring its schedule")
  @Post("/{feedId}/refresh")
  CompletableFuture<MutableHttpResponse<?>> refresh(@PathVariable String feedId) {
    return change(feedId, "/refresh");
  }

  @Operation(summary = "Remove a feed")
  @Delete("/{feedId}")
  CompletableFuture<MutableHttpResponse<?>> remove(@PathVariable String feedId) {
    return answers.call(Backend.INGEST, "DELETE", "/internal/v1/feeds/" + Validate.resourceId("feedId", feedId), null);
  }

  private CompletableFuture<MutableHttpResponse<?>> change(String feedId, String action) {
    return answers.call(Backend.INGEST, "POST",
        "/internal/v1/feeds/" + Validate.resourceId("feedId", feedId) + action, new byte[0]);
  }
}
