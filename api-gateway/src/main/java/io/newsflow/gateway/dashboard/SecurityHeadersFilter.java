package io.newsflow.gateway.dashboard;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Browser hardening on every answer. The policy allows only the gateway's own scripts, styles and
 * connections: no inline script, no CDN, no framing, so injected article content could not run even
 * if escaping failed somewhere.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  @ResponseFilter
  void addHeaders(MutableHttpResponse<?> response) {
    response.getHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.getHeaders().set("X-Content-Type-Options", "nosniff");
    response.getHeaders().set("Referrer-Policy", "no-referrer");
    response.getHeaders().set("X-Frame-Options", "DENY");
  }
}
