package io.newsflow.gateway.backend;

import io.micronaut.core.annotation.Nullable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A back-end's answer to a read, as the gateway keeps and serves it: ready bytes, so that serving it
 * again costs no JSON, hashing or compression work. The ETag and the gzip form are computed once,
 * when the answer arrives (off the event loop, on the back-end client's thread).
 *
 * <p>A class rather than a record because of one mutable flag, {@link #wasRead()}: whether anyone
 * read the answer since it was loaded, which decides whether a change refreshes it or just drops it.
 */
public final class CachedRead {

  /** Rough bytes held besides the bodies: the object and the header strings around it. */
  private static final int OVERHEAD = 200;
  /** Below this a gzip member's header and trailer eat most of the gain. */
  static final int GZIP_MIN_BYTES = 1024;

  private final @Nullable BackendResponse response;
  private final @Nullable Throwable failure;
  private final @Nullable String etag;
  private final byte @Nullable [] gzipped;
  private final long answeredAtNanos;
  private volatile boolean read;

  private CachedRead(@Nullable BackendResponse response, @Nullable Throwable failure, @Nullable String etag,
      byte @Nullable [] gzipped, long answeredAtNanos) {
    this.response = response;
    this.failure = failure;
    this.etag = etag;
    this.gzipped = gzipped;
    this.answeredAtNanos = answeredAtNanos;
  }

  static CachedRead of(BackendResponse response, long nowNanos) {
    boolean hasBody = response.isSuccess() && response.body().length > 0;
    byte[] gz = hasBody && response.body().length >= GZIP_MIN_BYTES ? gzip(response.body()) : null;
    return new CachedRead(response, null, hasBody ? etagOf(response.body()) : null, gz, nowNanos);
  }

  static CachedRead failed(Throwable failure, long nowNanos) {
    return new CachedRead(null, failure, null, null, nowNanos);
  }

  /**
   * This answer again, as of now: a refresh that brought the same bytes keeps the ETag and gzip form
   * already computed (most refreshes of a quiet timeline do).
   */
  CachedRead renewedAt(long nowNanos) {
    return new CachedRead(response, failure, etag, gzipped, nowNanos);
  }

  boolean hasSameBodyAs(CachedRead other) {
    return response != null && other.response != null && response.status() == other.response.status()
        && Arrays.equals(response.body(), other.response.body());
  }

  /** What the back-end answered; null when it did not answer. */
  public @Nullable BackendResponse response() {
    return response;
  }

  /** Why there is no answer (refused, reset, timed out), or null. */
  public @Nullable Throwable failure() {
    return failure;
  }

  /** Strong ETag of a successful body (its identity form), null otherwise. */
  public @Nullable String etag() {
    return etag;
  }

  /** The ETag of the gzip form: a different representation needs a different strong ETag (RFC 9110 8.8.3). */
  public @Nullable String gzipEtag() {
    return etag == null || gzipped == null ? null : etag.substring(0, etag.length() - 1) + "-gz\"";
  }

  /** The body gzipped once, or null when it is too small to gain from it. */
  public byte @Nullable [] gzipped() {
    return gzipped;
  }

  /** The cache's clock when the answer arrived, for the {@code Age} header and refresh decisions. */
  public long answeredAtNanos() {
    return answeredAtNanos;
  }

  public boolean isSuccess() {
    return response != null && response.isSuccess();
  }

  void markRead() {
    if (!read) {
      read = true;
    }
  }

  boolean wasRead() {
    return read;
  }

  int weight() {
    int body = response == null ? 0 : response.body().length;
    return body + (gzipped == null ? 0 : gzipped.length) + OVERHEAD;
  }

  static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte-array stream does not fail
    }
    return out.toByteArray();
  }
}
