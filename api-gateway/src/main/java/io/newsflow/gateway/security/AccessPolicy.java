package io.newsflow.gateway.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;

/**
 * Which role a request needs. Feed administration (and feed health, which shows operators' URLs
 * and errors) needs an operator; other API reads need a reader only when the deployment says so.
 */
public final class AccessPolicy {

  private final boolean readsRequireKey;

  public AccessPolicy(boolean readsRequireKey) {
    this.readsRequireKey = readsRequireKey;
  }

  /** The role needed, or null when anyone may call. */
  public @Nullable Role required(HttpMethod method, String path) {
    if (method == HttpMethod.OPTIONS) {
      return null; // CORS pre-flight carries no credentials by design
    }
    if (path.equals("/api/v1/feeds") || path.startsWith("/api/v1/feeds/")) {
      return Role.OPERATOR;
    }
    if (path.startsWith("/api/")) {
      return readsRequireKey ? Role.READER : null;
    }
    return null;
  }
}
