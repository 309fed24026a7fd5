package io.newsflow.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class LiveHubTest {

  private final LiveHub hub = new LiveHub(5, 3);

  @Test
  void cutsOffAClientThatStopsReadingWithoutHoldingUpOthers() {
    AtomicBoolean slowCompleted = new AtomicBoolean();
    // The slow client requests nothing, so its queue of 3 fills up.
    hub.subscribe(List.of(), List.of(), null).doOnComplete(() -> slowCompleted.set(true)).subscribe(new ZeroDemand());
    var fast = hub.subscribe(List.of(), List.of(), null);

    StepVerifier.create(fast.take(5))
        .then(() -> {
          for (int i = 0; i < 5; i++) {
            hub.publish(item("0-" + i, "KAZ"));
          }
        })
        .expectNextCount(5)
        .verifyComplete();
    assertThat(slowCompleted).isTrue();
    assertThat(hub.subscriberCount()).isZero();
  }

  @Test
  void replaysWhatCameAfterTheLastEventIdThatMatchesTheFilter() {
    hub.publish(item("0-1", "KAZ"));
    hub.publish(item("0-2", "RUS"));
    hub.publish(item("0-3", "KAZ"));

    StepVerifier.create(hub.subscribe(List.of("KAZ"), List.of(), "0-1").take(1))
        .assertNext(i -> assertThat(i.eventId()).isEqualTo("0-3"))
        .verifyComplete();
  }

  @Test
  void replaysTheWholeBufferWhenTheLastEventIdIsTooOld() {
    for (int i = 1; i <= 7; i++) {
      hub.publish(item("0-" + i, "KAZ"));
    }
    // Only 5 are kept and the client queue holds 3: the newest 3 come back.
    StepVerifier.create(hub.subscribe(List.of(), List.of(), "0-0").take(3))
        .expectNextMatches(i -> i.eventId().equals("0-5"))
        .expectNextMatches(i -> i.eventId().equals("0-6"))
        .expectNextMatches(i -> i.eventId().equals("0-7"))
        .verifyComplete();
  }

  private static LiveItem item(String id, String actorId) {
    return new LiveItem(id, "a" + id, "t", "https://x.example/" + id, "src", "f-1", Instant.EPOCH, "en", "",
        List.of(new LiveItem.Actor(actorId, actorId, 1)), List.of(), "s", "NEW");
  }

  private static final class ZeroDemand extends reactor.core.publisher.BaseSubscriber<LiveItem> {
    @Override
    protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
      // request nothing
    }
  }
}
