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

  /** The fingerprint reads the text once without arrays; its signature must stay the one of every shingle. */
  @Test
  void streamedSignatureEqualsTheSignatureOfAllShingles() {
    Random random = new Random(11);
    String[] vocabulary = {"Tokayev", "met", "Putin", "in", "Астана", "on", "4", "January", "2022", "ОДКБ", "—", "CSTO",
        "troops", "left", "Almaty", "\uD835\uDC00x"};
    for (int n = 0; n < 3_000; n++) {
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : " ,");
      int words = n < 12 ? n : random.nextInt(200);
      for (int w = 0; w < words; w++) {
        text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
      }
      if (random.nextBoolean() && !text.isEmpty()) {
        text.setLength(text.length() - 1); // the text ends inside its last word
      }
      String s = text.toString();
      long[] shingles = TextShingles.of(s);
      MinHasher.Bins bins = new MinHasher.Bins();
      TextShingles.addShingles(s, bins);
      assertThat(bins.count()).as(s).isEqualTo(shingles.length);
      assertThat(bins.signature()).as(s).isEqualTo(MinHasher.signature(shingles));
    }
    // a near-duplicate judgement rests on these: copies must still agree bin for bin
    assertThat(ContentFingerprint.of("Troops of the CSTO left Almaty on 13 January.").minHash())
        .isEqualTo(MinHasher.signature(TextShingles.of("troops OF the csto, left almaty on 13 january")));
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
