package io.newsflow.model.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stored content hashes must not change: the hashed form equals the regex definition it replaced. */
class ContentHashFormTest {

  private static String byRegex(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  @Test
  void equalsTheRegexDefinitionOnMixedScriptText() {
    // Latin with diacritics, Cyrillic, Kazakh letters, CJK, Arabic, combining marks, superscripts (No),
    // Roman numerals (Nl), fullwidth forms, emoji (surrogate pairs), a lone surrogate, NBSP and controls
    String[] pieces = {"Tokayev", "Тоқаев", "ОДКБ", "Қазақстан", "哈萨克斯坦", "قازاقستان", "é", "e\u0301", "²", "Ⅻ",
        "ＡＢＣ１２", "🇰🇿", "😀", "\uD800", "\u00a0", "\t", "\n", " ", "—", "«", "»", "...", "2022-01-04", "'s", "_", "$5"};
    Random random = new Random(11);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextBoolean()) {
          text.append((char) random.nextInt(0x3000));
        }
      }
      String sample = text.toString();
      assertThat(ArticleIds.hashedForm(sample)).as("for %s", sample).isEqualTo(byRegex(sample));
    }
  }

  @Test
  void punctuationAndSpacingDoNotChangeTheHash() {
    assertThat(ArticleIds.contentHash("CSTO troops   leave Almaty — on January 13, 2022."))
        .isEqualTo(ArticleIds.contentHash("csto troops leave almaty: on january 13 2022"))
        .isNotEqualTo(ArticleIds.contentHash("csto troops leave almaty on january 14 2022"));
    assertThat(ArticleIds.hashedForm(null)).isEmpty();
  }
}
