package io.newsflow.gateway.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.newsflow.gateway.http.Validate;
import io.newsflow.model.json.EventJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Server-Sent Events of newly enriched articles. */
@Controller("/api/v1/live")
@Tag(name = "live")
final class LiveController {

  /** Often enough that proxies and browsers do not drop an idle stream. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  private final LiveHub hub;

  LiveController(LiveHub hub) {
    this.hub = hub;
  }

  @Operation(summary = "Live stream of newly enriched articles",
      description = "text/event-stream; each event is named 'article', its data a timeline item, its id the position "
          + "to resume from with Last-Event-ID. Filter by actor and theme (any of each).")
  @Get(produces = MediaType.TEXT_EVENT_STREAM)
  Publisher<Event<String>> live(
      @QueryValue @Nullable List<String> actor,
      @QueryValue @Nullable List<String> theme,
      @Header("Last-Event-ID") @Nullable String lastEventId) {
    List<String> actors = Validate.tagIds("actor", actor);
    List<String> themes = Validate.tagIds("theme", theme);
    Flux<Event<String>> articles = hub.subscribe(actors, themes, lastEventId)
        .map(item -> Event.of(EventJson.toJson(item)).id(item.eventId()).name("article"));
    Flux<Event<String>> keepAlive = Flux.interval(KEEP_ALIVE).map(n -> Event.of("").comment("keep-alive"));
    // The hub's flux may be subscribed once only; a marker ends the keep-alives when it completes
    // (a client cut off for being slow reconnects with Last-Event-ID).
    Event<String> end = Event.of("end");
    // A first comment at once, so the response head goes out before the first article does.
    Mono<Event<String>> hello = Mono.just(Event.of("").comment("connected").retry(Duration.ofSeconds(3)));
    return Flux.merge(hello, articles.concatWith(Mono.just(end)), keepAlive).takeWhile(event -> event != end);
  }
}
