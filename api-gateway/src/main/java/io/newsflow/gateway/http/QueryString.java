package io.newsflow.gateway.http;

import io.micronaut.core.annotation.Nullable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the query string of a back-end call from validated values; absent values are left out. */
public final class QueryString {

  private final StringBuilder sb = new StringBuilder();

  public QueryString add(String name, @Nullable Object value) {
    if (value != null) {
      sb.append(sb.isEmpty() ? '?' : '&')
          .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
    }
    return this;
  }

  public QueryString addAll(String name, List<String> values) {
    values.forEach(v -> add(name, v));
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
