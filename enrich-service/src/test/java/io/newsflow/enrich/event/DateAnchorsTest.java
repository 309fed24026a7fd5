package io.newsflow.enrich.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.tagging.text.PhraseAutomaton;
import io.newsflow.enrich.tagging.text.TextFolder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateAnchorsTest {

  private static final PhraseAutomaton PREFIXES = PhraseAutomaton.build(DateAnchors.ANCHOR_PREFIXES);

  /** Words and separators where the two ways of finding anchors could part: case, folding, glued digits. */
  private static final String[] WORDS = {
      "in", "In", "the", "end", "of", "between", "and", "to", "from", "early", "mid-", "on", "last", "Last", "LAST",
      "lastly", "this", "This", "thistle", "next", "Nextel", "previous", "yesterday", "Yesterday's", "January",
      "JANUARY", "january", "Jan.", "Jan", "Janet", "Mar", "March", "Marat", "May", "may", "Sept.", "Sunday",
      "Sunday's", "Monday", "Mondale", "2022", "2022-01-04", "4", "4th", "22nd", "1,000", "A320", "+7", "27.1",
      "26.09.2025", "x\u02BC2024", "\u02BC2024", "\u0130n", "января", "Января", "января2", "в", "прошлом", "году",
      "году,", "год", "вчера", "Вчера", "позавчера", "четверг", "ё", "Ёлка", "сентябре", "2012-2014", "годах",
      "troops", "Tokayev", "CSTO", "Kazakhstan's", "\u00C9lys\u00E9e", "na\u00EFve", "Astana"};
  private static final String[] SEPARATORS = {" ", " ", " ", ", ", ". ", "\n", " \u2013 ", "-", "\u00A0", "'", "\"",
      " (", ") ", "\u2019"};

  @Test
  void findsTheSameStartsFromTheAutomatonMatchesAsByReadingEveryCharacter() {
    Random random = new Random(7);
    for (int n = 0; n < 3000; n++) {
      StringBuilder text = new StringBuilder();
      int words = 1 + random.nextInt(40);
      for (int w = 0; w < words; w++) {
        if (w > 0 || random.nextBoolean()) {
          text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        text.append(WORDS[random.nextInt(WORDS.length)]);
      }
      String s = text.toString();
      assertThat(DateAnchors.candidateStarts(s, PREFIXES.findAll(TextFolder.fold(s))))
          .as("starts in %s", s)
          .isEqualTo(DateAnchors.candidateStarts(s, 0, s.length()));
    }
  }

  @Test
  void keepsUpToThreeLeadWordsAndSkipsNumbersInsideWords() {
    // "Janet" and "lastly" stay candidates (the rules reject them); "A320" and "\u02BC2024" (a modifier letter
    // glued on) hold no word that starts with a digit
    String text = "Troops arrived at the end of January 2022, not in Janet's house; lastly A320 jets and \u02BC2024.";
    List<Integer> starts = DateAnchors.candidateStarts(text, PREFIXES.findAll(TextFolder.fold(text)));

    assertThat(starts).extracting(i -> text.substring(i, i + 3))
        .containsExactly("the", "end", "of ", "Jan", "202", "in ", "Jan", "las");
  }
}
