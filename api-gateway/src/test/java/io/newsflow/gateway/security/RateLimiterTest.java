package io.newsflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RateLimiter limiter = new RateLimiter(Duration.ofMinutes(1), now::get);

  @Test
  void passesABurstUpToCapacityThenSaysWhenToRetry() {
    for (int i = 0; i < 60; i++) {
      assertThat(limiter.acquire("addr:10.1.1.1", 60).allowed()).isTrue();
    }
    RateLimiter.Decision refused = limiter.acquire("addr:10.1.1.1", 60);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void refillsOverTheWindow() {
    for (int i = 0; i < 60; i++) {
      limiter.acquire("key:abc", 60);
    }
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    int passed = 0;
    while (limiter.acquire("key:abc", 60).allowed()) {
      passed++;
    }
    assertThat(passed).isEqualTo(10);
  }

  @Test
  void keepsCallersApart() {
    limiter.acquire("addr:a", 1);
    assertThat(limiter.acquire("addr:a", 1).allowed()).isFalse();
    assertThat(limiter.acquire("addr:b", 1).allowed()).isTrue();
  }
}
