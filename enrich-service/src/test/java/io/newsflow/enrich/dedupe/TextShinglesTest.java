package io.newsflow.enrich.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Word hashes feed the MinHash signatures stored in the signatures topic: a faster way of computing
 * them must give exactly the hashes of the per-code-point definition, or a restarted service would
 * stop recognising copies of articles it saw before.
 */
class TextShinglesTest {

  @Test
  void wordHashesEqualThePerCodePointDefinitionOnMixedScripts() {
    String sample = "Tokayev met Putin in Астана; İstanbul, ǅemal, ΣΊΣΥΦΟΣ, Qazaqstan ÆØÅ 2024-01-04 "
        + "\uD835\uDC00\uD835\uDC01 (math bold AB) \uD83C\uDDF0\uD83C\uDDFF lone \uD800 surrogate \uDC00 x";
    assertThat(TextShingles.wordHashes(sample)).isEqualTo(reference(sample));
    Random random = new Random(4);
    char[] alphabet = ("abcXYZ09 .,-'\n\u00e9\u00c9\u0130\u0131\u212a\u0416\u0436\u04d8\u04d9\u1e9e\u00df\u01c5"
        + "\uD835\uDC00\uD800\uDC00\u3042\u0660").toCharArray();
    for (int n = 0; n < 2_000; n++) {
      char[] text = new char[random.nextInt(60)];
      for (int i = 0; i < text.length; i++) {
        text[i] = random.nextInt(8) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1)
            : alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(text);
      assertThat(TextShingles.wordHashes(s)).as(s).isEqualTo(reference(s));
    }
  }

  /** The definition: FNV-1a over the lower-cased code points of each run of letters and digits. */
  private static long[] reference(String text) {
    long[] words = new long[text.length() + 1];
    int n = 0;
    long h = Hashing.FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        h = (h ^ Character.toLowerCase(cp)) * Hashing.FNV_PRIME;
        inWord = true;
      } else if (inWord) {
        words[n++] = Hashing.mix(h);
        h = Hashing.FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) {
      words[n++] = Hashing.mix(h);
    }
    return Arrays.copyOf(words, n);
  }
}
