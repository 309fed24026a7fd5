package io.newsflow.gateway.live;

import io.micronaut.core.annotation.Nullable;
import io.newsflow.gateway.config.GatewayProperties;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Fans newly enriched articles out to live-stream clients. Keeps the most recent ones for clients
 * that reconnect with Last-Event-ID. Each client has a bounded queue: a client that falls further
 * behind is disconnected (its browser reconnects and resumes from the replay buffer), so one slow
 * reader never holds up the Kafka consumer or the other clients, and memory stays bounded.
 */
@Singleton
public class LiveHub {

  private record Subscriber(Sinks.Many<LiveItem> sink, Sinks.Empty<Void> cutOff, List<String> actors, List<String> themes) {}

  private final int replaySize;
  private final int clientQueue;
  private final Deque<LiveItem> recent = new ArrayDeque<>();
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

  public LiveHub(GatewayProperties properties) {
    this(properties.liveReplaySize(), properties.liveClientQueue());
  }

  LiveHub(int replaySize, int clientQueue) {
    this.replaySize = replaySize;
    this.clientQueue = clientQueue;
  }

  /**
   * Articles matching the filters from now on, preceded by those after {@code lastEventId} still in
   * the replay buffer (all of it if the id is no longer there, so a client that was away long
   * loses as little as possible; items carry articleId for de-duplication).
   */
  public synchronized Flux<LiveItem> subscribe(List<String> actors, List<String> themes, @Nullable String lastEventId) {
    Sinks.Many<LiveItem> sink = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(clientQueue));
    Subscriber subscriber = new Subscriber(sink, Sinks.empty(), List.copyOf(actors), List.copyOf(themes));
    if (lastEventId != null && !lastEventId.isBlank()) {
      List<LiveItem> missed = missedSince(lastEventId.strip(), subscriber);
      // Only as many as the client's queue holds: older ones are in the store's timeline anyway.
      missed.subList(Math.max(0, missed.size() - clientQueue), missed.size()).forEach(sink::tryEmitNext);
    }
    subscribers.add(subscriber);
    // takeUntilOther completes the client at once; the sink's own completion would wait until the
    // client had read its full queue, which a stalled client never does.
    return sink.asFlux().takeUntilOther(subscriber.cutOff().asMono()).doFinally(signal -> subscribers.remove(subscriber));
  }

  /** Called by the single consumer thread for every new article, in topic order. */
  public synchronized void publish(LiveItem item) {
    recent.addLast(item);
    while (recent.size() > replaySize) {
      recent.removeFirst();
    }
    for (Subscriber subscriber : subscribers) {
      if (!item.matches(subscriber.actors(), subscriber.themes())) {
        continue;
      }
      Sinks.EmitResult result = subscriber.sink().tryEmitNext(item);
      if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
        subscribers.remove(subscriber);
        subscriber.cutOff().tryEmitEmpty();
      } else if (result.isFailure()) {
        subscribers.remove(subscriber); // cancelled or terminated: the client is gone
      }
    }
  }

  public int subscriberCount() {
    return subscribers.size();
  }

  private List<LiveItem> missedSince(String lastEventId, Subscriber subscriber) {
    List<LiveItem> missed = new ArrayList<>();
    boolean seen = recent.stream().noneMatch(i -> i.eventId().equals(lastEventId));
    for (LiveItem item : recent) {
      if (seen && item.matches(subscriber.actors(), subscriber.themes())) {
        missed.add(item);
      }
      if (item.eventId().equals(lastEventId)) {
        seen = true;
      }
    }
    return missed;
  }
}
