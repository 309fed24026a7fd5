package io.newsflow.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which character set a feed's bytes are in and decodes them. The order, first match wins:
 *
 * <ol>
 *   <li>a byte-order mark (UTF-32 before UTF-16, since the UTF-32LE mark starts with the UTF-16LE one);
 *   <li>the HTTP {@code Content-Type} charset, for every media type (RFC 7303 §3: the header beats the
 *       prolog). Read leniently: quotes, spaces and case are ignored, an unknown name is ignored. One
 *       exception for the commonest server misconfiguration: a header naming a Western single-byte
 *       default (ISO-8859-1, US-ASCII, windows-1252) over a body that is valid, non-ASCII UTF-8 and
 *       whose prolog says UTF-8 is read as UTF-8, because such bytes are almost never Latin-1 text;
 *   <li>(before the header, since no header can make them readable otherwise) UTF-32 and UTF-16 without a
 *       mark, recognised from the first characters {@code <?} or {@code <r} (XML 1.0 appendix F);
 *   <li>the XML prolog's {@code encoding}, unless it names UTF-16/32 for bytes that are plainly not;
 *   <li>UTF-8 (RFC 7303 for every XML type, {@code text/xml} included: RFC 3023's US-ASCII default for
 *       text types is what real servers never mean) — and windows-1252 when the bytes are not UTF-8.
 * </ol>
 *
 * <p>As browsers do (WHATWG Encoding), labels whose real-world content is a superset are decoded with the
 * superset: GB2312 as GB18030, and ISO-8859-1 or US-ASCII as windows-1252 when the bytes hold what only
 * windows-1252 gives meaning to (curly quotes in 0x80–0x9F). C1 control characters left after a Unicode
 * decoding (windows-1252 quotes wrongly transcoded to UTF-8) become the characters they were meant to be.
 */
final class FeedCharset {

  /** The decoded text (mark removed) and the name of the character set that decoded it, lower case. */
  record Decoded(String text, String charset) {}

  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");
  private static final Pattern PROLOG_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']\\s*([\\w.:-]+)");

  private FeedCharset() {}

  static Decoded decode(byte[] body, String contentType) {
    Charset bom = byteOrderMark(body);
    if (bom != null) {
      return decodeWith(body, bomLength(bom), bom);
    }
    Charset family = familyOf(body);
    if (family != null) {
      // bytes in UTF-32/16 without a mark: a header or prolog naming anything else cannot be right, and
      // one naming "UTF-16" without an order is answered by the bytes
      return decodeWith(body, 0, family);
    }
    Charset prolog = prologEncoding(body);
    Charset header = headerCharset(contentType);
    if (header != null && !isMisdeclaredUtf8(header, prolog, body)) {
      return decodeWith(body, 0, header);
    }
    if (prolog != null && !isWide(prolog)) {
      return decodeWith(body, 0, prolog);
    }
    return decodeWith(body, 0, isUtf8(body) ? StandardCharsets.UTF_8 : WINDOWS_1252);
  }

  private static Charset byteOrderMark(byte[] b) {
    if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
      return UTF_32BE;
    }
    if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
      return UTF_32LE;
    }
    if (starts(b, 0xFE, 0xFF)) {
      return StandardCharsets.UTF_16BE;
    }
    if (starts(b, 0xFF, 0xFE)) {
      return StandardCharsets.UTF_16LE;
    }
    return starts(b, 0xEF, 0xBB, 0xBF) ? StandardCharsets.UTF_8 : null;
  }

  private static int bomLength(Charset bom) {
    return bom == UTF_32BE || bom == UTF_32LE ? 4 : bom == StandardCharsets.UTF_8 ? 3 : 2;
  }

  /** UTF-32/16 recognised from the first characters {@code <?} or {@code <} without a mark. */
  private static Charset familyOf(byte[] b) {
    if (starts(b, 0x00, 0x00, 0x00, 0x3C)) {
      return UTF_32BE;
    }
    if (starts(b, 0x3C, 0x00, 0x00, 0x00)) {
      return UTF_32LE;
    }
    if (starts(b, 0x00, 0x3C, 0x00)) {
      return StandardCharsets.UTF_16BE;
    }
    return starts(b, 0x3C, 0x00, 0x3F, 0x00) || starts(b, 0x3C, 0x00, 0x72, 0x00) ? StandardCharsets.UTF_16LE : null;
  }

  private static Charset prologEncoding(byte[] body) {
    Matcher m = PROLOG_ENCODING.matcher(new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1));
    return m.find() ? lookup(m.group(1)) : null;
  }

  /** A prolog naming UTF-16/32 in bytes that are ASCII-compatible is wrong (a common copy-paste error). */
  private static boolean isWide(Charset c) {
    return c.name().toUpperCase(Locale.ROOT).matches("UTF-(16|32).*");
  }

  static Charset headerCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = HEADER_CHARSET.matcher(contentType);
    return m.find() ? lookup(m.group(1)) : null;
  }

  private static boolean isMisdeclaredUtf8(Charset header, Charset prolog, byte[] body) {
    boolean westernDefault = header.equals(StandardCharsets.ISO_8859_1) || header.equals(StandardCharsets.US_ASCII)
        || header.equals(WINDOWS_1252);
    return westernDefault && StandardCharsets.UTF_8.equals(prolog) && hasHighBytes(body) && isUtf8(body);
  }

  static Charset lookup(String label) {
    String name = label.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (String candidate : new String[] {name, name.replace("-", ""), name.replaceFirst("^(utf|ucs)(\\d)", "$1-$2")}) {
      try {
        if (Charset.isSupported(candidate)) {
          return Charset.forName(candidate);
        }
      } catch (IllegalArgumentException e) {
        // illegal charset name: try the next spelling
      }
    }
    return null;
  }

  private static Decoded decodeWith(byte[] body, int offset, Charset declared) {
    Charset used = superset(declared, body, offset);
    String text = new String(body, offset, body.length - offset, used);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1); // a mark repeated after the one we removed, or one matching a header charset
    }
    if (used.name().startsWith("UTF")) {
      text = C1Controls.asWindows1252(text);
    }
    return new Decoded(text, used.name().toLowerCase(Locale.ROOT));
  }

  private static Charset superset(Charset declared, byte[] body, int offset) {
    String name = declared.name();
    if (name.equals("GB2312") || name.equals("GBK")) {
      return Charset.forName("GB18030");
    }
    if (declared.equals(StandardCharsets.US_ASCII) && hasHighBytes(body)
        || declared.equals(StandardCharsets.ISO_8859_1) && hasC1Bytes(body, offset)) {
      return WINDOWS_1252;
    }
    return declared;
  }

  private static boolean hasHighBytes(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasC1Bytes(byte[] body, int offset) {
    for (int i = offset; i < body.length; i++) {
      int v = body[i] & 0xFF;
      if (v >= 0x80 && v <= 0x9F) {
        return true;
      }
    }
    return false;
  }

  static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** windows-1252's 0x80–0x9F characters, for text where they arrived as C1 controls. */
  static final class C1Controls {
    private static final String WINDOWS_1252_HIGH = new String(new byte[] {
        (byte) 0x80, (byte) 0x81, (byte) 0x82, (byte) 0x83, (byte) 0x84, (byte) 0x85, (byte) 0x86, (byte) 0x87,
        (byte) 0x88, (byte) 0x89, (byte) 0x8A, (byte) 0x8B, (byte) 0x8C, (byte) 0x8D, (byte) 0x8E, (byte) 0x8F,
        (byte) 0x90, (byte) 0x91, (byte) 0x92, (byte) 0x93, (byte) 0x94, (byte) 0x95, (byte) 0x96, (byte) 0x97,
        (byte) 0x98, (byte) 0x99, (byte) 0x9A, (byte) 0x9B, (byte) 0x9C, (byte) 0x9D, (byte) 0x9E, (byte) 0x9F},
        WINDOWS_1252);

    private C1Controls() {}

    static String asWindows1252(String text) {
      StringBuilder out = null;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c >= '\u0080' && c <= '\u009F') {
          out = out == null ? new StringBuilder(text.substring(0, i)) : out;
          char mapped = WINDOWS_1252_HIGH.charAt(c - 0x80);
          // the five bytes windows-1252 leaves undefined decode to U+FFFD: drop those controls
          if (mapped != '\uFFFD' && mapped != c) {
            out.append(mapped);
          }
        } else if (out != null) {
          out.append(c);
        }
      }
      return out == null ? text : out.toString();
    }
  }
}
