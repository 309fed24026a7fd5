package io.newsflow.ingest.http;

/** Why a fetch failed, as operators see it in feed health (the codes of the internal HTTP API). */
public enum FailureCategory {
  DNS("dns"),
  TLS("tls"),
  TIMEOUT("timeout"),
  HTTP_STATUS("http_status"),
  PARSE("parse"),
  TOO_LARGE("too_large"),
  BLOCKED("blocked"),
  IO("io");

  private final String code;

  FailureCategory(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
