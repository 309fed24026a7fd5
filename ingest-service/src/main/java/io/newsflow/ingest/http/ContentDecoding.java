package io.newsflow.ingest.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes {@code Content-Encoding} with the JDK's decoders, under the caller's decoded-size cap.
 *
 * <p>Brotli is deliberately not offered: neither the JDK nor HttpClient decodes it, the Java decoders on
 * Maven Central are either native (brotli4j) or an unmaintained port, and feed servers compress with gzip
 * whenever a client does not ask for br. A server that sends br (or anything else) unasked gets a
 * categorised {@code parse} failure on the feed: the body is never decoded, so it can be no bomb.
 */
final class ContentDecoding {

  static final String ACCEPTED = "gzip, deflate";

  private ContentDecoding() {}

  static InputStream decoding(URI uri, InputStream raw, String contentEncoding) throws IOException {
    String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    return switch (encoding) {
      case "", "identity" -> raw;
      case "gzip", "x-gzip" -> new GZIPInputStream(raw, 16 * 1024);
      case "deflate" -> inflating(raw);
      default -> {
        raw.close();
        throw new FetchException(uri.toString(), FailureCategory.PARSE,
            "unsupported Content-Encoding " + contentEncoding.strip() + " (not requested; we accept " + ACCEPTED + "), body not decoded", null);
      }
    };
  }

  /** HTTP's deflate is zlib-wrapped, but some servers send raw deflate: the zlib header tells which. */
  private static InputStream inflating(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(2);
    int cmf = in.read();
    int flg = in.read();
    in.reset();
    boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0;
    return new InflaterInputStream(in, new Inflater(!zlib), 16 * 1024);
  }
}
