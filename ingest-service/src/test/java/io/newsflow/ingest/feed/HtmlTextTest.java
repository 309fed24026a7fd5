package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

  private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

  /** The definition the one-pass {@link HtmlText#blocks} replaced. */
  private static String byRegex(String raw) {
    List<String> kept = new ArrayList<>();
    for (String block : BLANK_LINE.split(raw)) {
      String line = SPACES.matcher(block).replaceAll(" ").strip();
      if (!line.isEmpty()) {
        kept.add(line);
      }
    }
    return String.join("\n\n", kept);
  }

  @Test
  void blocksEqualTheRegexSplitAndCollapseOnWhitespaceHeavyText() {
    char[] alphabet = {'a', 'Қ', '.', ' ', ' ', '\n', '\n', '\t', '\r', '\f', '\u000B', '\u00a0', '\u2003', '\u3000'};
    Random random = new Random(5);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder raw = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        raw.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String sample = raw.toString();
      assertThat(HtmlText.blocks(sample)).as("for [%s]", sample.replace("\n", "\\n")).isEqualTo(byRegex(sample));
    }
  }

  @Test
  void paragraphsKeepOneBlankLineBetweenBlocksAndDropScripts() {
    String html = "<div><p>Troops  arrived\n in <b>Almaty</b>.</p><script>track()</script><p>Talks&nbsp;resumed.<br>Later.</p></div>";
    assertThat(HtmlText.paragraphs(html)).isEqualTo("Troops arrived in Almaty.\n\nTalks resumed. Later.");
  }
}
