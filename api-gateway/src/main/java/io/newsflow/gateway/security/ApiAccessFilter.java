package io.newsflow.gateway.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.newsflow.gateway.config.GatewayProperties;
import io.newsflow.gateway.http.Problem;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates, authorises and rate-limits every {@code /api} request before a controller runs.
 * Keys come in {@code X-API-Key} or {@code Authorization: Bearer}; the live stream also takes
 * {@code ?apiKey=} because browsers' EventSource cannot set headers.
 */
@ServerFilter("/api/**")
final class ApiAccessFilter {

  private final ApiKeys keys;
  private final AccessPolicy policy;
  private final RateLimiter limiter;
  private final GatewayProperties properties;
  private final ClientAddress clientAddress;

  ApiAccessFilter(GatewayProperties properties) {
    this.properties = properties;
    this.clientAddress = ClientAddress.trusting(properties.trustedProxies());
    this.keys = ApiKeys.parse(properties.apiKeys());
    this.policy = new AccessPolicy(properties.readsRequireKey());
    this.limiter = new RateLimiter(properties.rateLimitWindow(), System::nanoTime);
  }

  @RequestFilter
  @Nullable
  MutableHttpResponse<?> check(HttpRequest<?> request) {
    Optional<String> presented = presentedKey(request);
    Optional<ApiKeys.Caller> caller = presented.flatMap(keys::identify);
    if (presented.isPresent() && caller.isEmpty()) {
      return unauthorized("the API key is not valid");
    }
    Role required = policy.required(request.getMethod(), request.getPath());
    if (required != null) {
      if (caller.isEmpty()) {
        return unauthorized("this endpoint needs an API key with the " + required.name().toLowerCase() + " role");
      }
      if (!caller.get().role().allows(required)) {
        return new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
            "this endpoint needs the " + required.name().toLowerCase() + " role", Map.of("requiredRole", required.name().toLowerCase()))
            .toResponse();
      }
    }
    RateLimiter.Decision decision = caller
        .map(c -> limiter.acquire("key:" + c.fingerprint(), properties.rateLimitPerKey()))
        .orElseGet(() -> limiter.acquire("addr:" + addressOf(request), properties.rateLimitPerAddress()));
    if (!decision.allowed()) {
      return new Problem(Problem.TYPE_BASE + "rate-limited", "Too Many Requests", 429,
          "rate limit reached; retry after " + decision.retryAfterSeconds() + " s", Map.of())
          .toResponse().header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }
    return null;
  }

  private static Optional<String> presentedKey(HttpRequest<?> request) {
    String header = request.getHeaders().get("X-API-Key");
    if (header != null && !header.isBlank()) {
      return Optional.of(header);
    }
    String authorization = request.getHeaders().get("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(authorization.substring(7));
    }
    if (request.getPath().startsWith("/api/v1/live")) {
      return request.getParameters().getFirst("apiKey").filter(k -> !k.isBlank());
    }
    return Optional.empty();
  }

  private String addressOf(HttpRequest<?> request) {
    return clientAddress.resolve(request.getRemoteAddress(), request.getHeaders().get("X-Forwarded-For"));
  }

  private static MutableHttpResponse<?> unauthorized(String detail) {
    return new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401, detail, Map.of())
        .toResponse().header("WWW-Authenticate", "Bearer realm=\"newsflow\"");
  }
}
