package io.newsflow.gateway.backend;

import io.micronaut.core.annotation.Nullable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A back-end's answer to a read, as the gateway keeps and serves it. The ETag is computed once,
 * when the answer arrives, so serving it again (or answering 304 to a revalidation) hashes nothing.
 *
 * @param response        what the back-end answered; null when it did not answer
 * @param failure         why there is no answer (refused, reset, timed out), or null
 * @param etag            strong ETag of a successful body, null otherwise
 * @param answeredAtNanos the cache's clock when the answer arrived, for the {@code Age} header
 */
public record CachedRead(
    @Nullable BackendResponse response, @Nullable Throwable failure, @Nullable String etag, long answeredAtNanos) {

  /** Rough bytes held: the body plus the record and header strings around it. */
  private static final int OVERHEAD = 200;

  static CachedRead of(BackendResponse response, long nowNanos) {
    boolean hasBody = response.isSuccess() && response.body().length > 0;
    return new CachedRead(response, null, hasBody ? etagOf(response.body()) : null, nowNanos);
  }

  static CachedRead failed(Throwable failure, long nowNanos) {
    return new CachedRead(null, failure, null, nowNanos);
  }

  public boolean isSuccess() {
    return response != null && response.isSuccess();
  }

  int weight() {
    return (response == null ? 0 : response.body().length) + OVERHEAD;
  }

  static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
